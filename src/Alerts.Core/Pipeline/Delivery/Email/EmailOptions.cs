namespace Alerts.Core.Pipeline.Delivery.Email;

/// <summary>How email is sent (section <c>Email</c>): an SMTP relay, or, with no <see cref="Host"/>, a local outbox folder.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>The values <see cref="Security"/> accepts, as MailKit understands them.</summary>
    public static IReadOnlyList<string> SecurityModes { get; } = ["auto", "starttls", "tls", "none"];

    /// <summary>SMTP relay host; null or empty writes messages as <c>.eml</c> files to <see cref="OutboxPath"/> instead.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>
    /// <c>auto</c> (TLS on connect for port 465, STARTTLS when offered otherwise), <c>starttls</c> (required),
    /// <c>tls</c> (TLS on connect) or <c>none</c>.
    /// </summary>
    public string Security { get; set; } = "auto";

    /// <summary>When set, the client authenticates with this user and <see cref="Password"/>.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender mailbox, e.g. <c>Alerts &lt;alerts@example.org&gt;</c>.</summary>
    public string From { get; set; } = "Alerts <alerts@localhost>";

    /// <summary>Folder for <c>.eml</c> files when no host is set; relative paths resolve against the current directory.</summary>
    public string OutboxPath { get; set; } = "outbox";

    /// <summary>Longest one delivery attempt may take: connect, authenticate, send and disconnect together.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when messages go to an SMTP relay rather than the outbox.</summary>
    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Host);
}
