namespace Alerts.Core.Security;

/// <summary>API keys and the roles they carry (section <c>Auth</c>, e.g. <c>Auth__Keys__0__Key</c>).</summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "Auth";

    public List<ApiKeyEntry> Keys { get; set; } = [];

    public sealed class ApiKeyEntry
    {
        /// <summary>The secret sent in <c>X-Api-Key</c>.</summary>
        public string Key { get; set; } = string.Empty;

        /// <summary>reporter, analyst, admin, or feed (a consumer system that reads the Atom feed and CAP messages).</summary>
        public string Role { get; set; } = string.Empty;

        /// <summary>Who the caller is: for a reporter, the reporter id its reports are filed under.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>A reporter's default Admiralty grading (e.g. B2), used when a report carries none.</summary>
        public string? Grading { get; set; }
    }
}
