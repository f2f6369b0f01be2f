using System.Net;
using Alerts.Testing;

namespace Alerts.Server.Tests;

/// <summary>The samples a new user is pointed at work: every seeded subscriber is accepted, and the CAP seeds go through as the README says.</summary>
public class SeedsTests
{
    private static string Seed(string name) =>
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "seeds", name)).Replace("__NOW__", CapDocuments.Now, StringComparison.Ordinal);

    [Fact]
    public async Task TheSeededSubscribers_AndTheCapAlertUpdateAndCancel_AreTaken()
    {
        await using var server = await RunningServer.StartAsync(PipelineSettings.With(("Hold:Override", "00:30:00")));
        using var subscribers = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "seeds", "subscribers.json")));
        foreach (var subscriber in subscribers.RootElement.EnumerateArray())
        {
            await server.Subscribe(subscriber.GetRawText());
        }

        var alert = await server.PostCap(Seed("cap-przewodow-alert.xml"));
        Assert.Equal(HttpStatusCode.Accepted, alert.StatusCode);
        var id = (await alert.Json()).GetProperty("incidentId").GetString()!;
        var facts = (await server.Incident(id)).View.GetProperty("facts");
        Assert.Equal("pl-PL", facts.GetProperty("translations")[0].GetProperty("language").GetString());

        var update = await (await server.PostCap(Seed("cap-przewodow-update.xml"))).Json();
        Assert.Equal(id, update.GetProperty("incidentId").GetString());
        Assert.Equal("amended", update.GetProperty("outcome").GetString());
        Assert.Equal("Polygon", (await server.Incident(id)).View.GetProperty("facts").GetProperty("area").GetProperty("type").GetString());

        var cancel = await (await server.PostCap(Seed("cap-przewodow-cancel.xml"))).Json();
        Assert.Equal("withdrawn", cancel.GetProperty("outcome").GetString());
        Assert.Equal("retracted", cancel.GetProperty("status").GetString());
    }
}
