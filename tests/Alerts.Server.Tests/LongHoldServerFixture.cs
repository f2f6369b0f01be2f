namespace Alerts.Server.Tests;

/// <summary>One <see cref="RunningServer"/> whose incidents stay held for an hour, shared by tests that must find them unchanged.</summary>
public sealed class LongHoldServerFixture : IAsyncLifetime
{
    private RunningServer? server;

    public RunningServer Server => server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => server = await RunningServer.StartAsync(new Dictionary<string, string> { ["Hold:Override"] = "01:00:00" });

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
