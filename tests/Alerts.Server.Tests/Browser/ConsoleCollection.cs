namespace Alerts.Server.Tests.Browser;

/// <summary>The console's browser tests share one browser and one server, one test at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleBrowser>
{
    public const string Name = "console in a browser";
}
