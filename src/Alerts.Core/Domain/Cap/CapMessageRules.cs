namespace Alerts.Core.Domain.Cap;

/// <summary>
/// How intake takes a CAP message's <c>msgType</c>, <c>status</c> and <c>scope</c>: a table per field, every value of
/// the CAP 1.2 enumeration in it, so that none is handled by accident.
/// </summary>
public static class CapMessageRules
{
    private static readonly Dictionary<string, CapRule<CapIntent>> MessageTypes = new(StringComparer.Ordinal)
    {
        ["Alert"] = Means<CapIntent>(CapIntent.Report),
        ["Update"] = Means<CapIntent>(CapIntent.Amendment),
        ["Cancel"] = Means<CapIntent>(CapIntent.Withdrawal),
        ["Ack"] = Refused<CapIntent>("is Ack: an acknowledgement of another message reports nothing. Send Alert to report, Update to amend your report, Cancel to withdraw it."),
        ["Error"] = Refused<CapIntent>("is Error: a rejection of another message reports nothing. Send Alert to report, Update to amend your report, Cancel to withdraw it."),
    };

    /// <summary>Meaning: whether the report is an exercise.</summary>
    private static readonly Dictionary<string, CapRule<bool>> Statuses = new(StringComparer.Ordinal)
    {
        ["Actual"] = Means<bool>(false),
        ["Exercise"] = Means<bool>(true),
        ["Test"] = Refused<bool>("is Test: this service would hold it and alert its subscribers for real, so it takes no technical tests. To rehearse, send status Exercise: only subscribers who opted in to exercises are told, and every message says EXERCISE."),
        ["Draft"] = Refused<bool>("is Draft: a draft is not to be acted on. Send the message when it is final."),
        ["System"] = Refused<bool>("is System: messages about the alerting network itself are not incident reports."),
    };

    /// <summary>
    /// Meaning: accepted. Scope says who the sender meant the message for; this service is its addressee in every case,
    /// and who it tells is decided by its own subscribers' filters, so no scope changes anything.
    /// </summary>
    private static readonly Dictionary<string, CapRule<bool>> Scopes = new(StringComparer.Ordinal)
    {
        ["Public"] = Means<bool>(true),
        ["Restricted"] = Means<bool>(true),
        ["Private"] = Means<bool>(true),
    };

    public static CapRule<CapIntent> MessageType(string value) => MessageTypes.GetValueOrDefault(value) ?? Unknown<CapIntent>(value);

    public static CapRule<bool> Status(string value) => Statuses.GetValueOrDefault(value) ?? Unknown<bool>(value);

    public static CapRule<bool> Scope(string value) => Scopes.GetValueOrDefault(value) ?? Unknown<bool>(value);

    public static IReadOnlyCollection<string> MessageTypeValues => MessageTypes.Keys;

    public static IReadOnlyCollection<string> StatusValues => Statuses.Keys;

    public static IReadOnlyCollection<string> ScopeValues => Scopes.Keys;

    private static CapRule<T> Unknown<T>(string value)
        where T : struct => Refused<T>($"'{value}' is not a CAP 1.2 value.");

    private static CapRule<T> Means<T>(T meaning)
        where T : struct => new(meaning, null);

    private static CapRule<T> Refused<T>(string why)
        where T : struct => new(null, why);
}
