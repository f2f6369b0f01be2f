namespace Alerts.Testing;

/// <summary>API keys for in-process tests of endpoints and functions, one per role, as configuration settings.</summary>
public static class TestApiKeys
{
    public const string Reporter = "test-reporter-key";
    public const string Analyst = "test-analyst-key";
    public const string Admin = "test-admin-key";
    public const string Feed = "test-feed-key";

    public static IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        (string Key, string Role, string Name)[] keys = [(Reporter, "reporter", "test-reporter"), (Analyst, "analyst", "test-analyst"), (Admin, "admin", "test-admin"), (Feed, "feed", "test-feed")];
        for (var i = 0; i < keys.Length; i++)
        {
            yield return new($"Auth:Keys:{i}:Key", keys[i].Key);
            yield return new($"Auth:Keys:{i}:Role", keys[i].Role);
            yield return new($"Auth:Keys:{i}:Name", keys[i].Name);
        }
    }
}
