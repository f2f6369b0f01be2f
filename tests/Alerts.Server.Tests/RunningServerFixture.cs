namespace Alerts.Server.Tests;

/// <summary>One <see cref="RunningServer"/> shared by a test class whose tests change nothing (rejections, auth), to spare start-ups and storage accounts.</summary>
public sealed class RunningServerFixture : IAsyncLifetime
{
    private RunningServer? server;

    public RunningServer Server => server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => server = await RunningServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
