using System.Xml.Linq;
using Alerts.Core.Domain.Incidents;

namespace Alerts.Core.Domain.Cap;

/// <summary>
/// The Atom feed (RFC 4287) of released incidents in the shape CAP aggregators poll: newest first, one entry per
/// public notice linking its CAP message (<c>application/cap+xml</c>); an update or cancellation is a new entry that
/// points at the entries it replaces with Atom threading (RFC 4685 <c>thr:in-reply-to</c>).
/// </summary>
public static class AtomFeedWriter
{
    public const string MediaType = "application/atom+xml";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Thread = "http://purl.org/syndication/thread/1.0";

    /// <param name="entries">Newest first.</param>
    /// <param name="feedUrl">Where the feed is read.</param>
    /// <param name="noticeUrl">Where one notice's CAP message is read.</param>
    /// <param name="author">Who publishes it (the CAP sender).</param>
    /// <param name="now">The feed's updated time when it has no entries.</param>
    public static XDocument Write(IReadOnlyList<FeedEntry> entries, string feedUrl, Func<string, int, string> noticeUrl, string author, DateTimeOffset now) =>
        new(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                Atom + "feed",
                new XAttribute(XNamespace.Xmlns + "thr", Thread),
                new XElement(Atom + "id", feedUrl),
                new XElement(Atom + "title", "Alerts: released border incidents"),
                new XElement(Atom + "updated", Time(entries.Count > 0 ? entries[0].IssuedAt : now)),
                new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", MediaType), new XAttribute("href", feedUrl)),
                new XElement(Atom + "author", new XElement(Atom + "name", author)),
                entries.Select(e => Entry(e, noticeUrl))));

    private static XElement Entry(FeedEntry entry, Func<string, int, string> noticeUrl)
    {
        var url = noticeUrl(entry.IncidentId, entry.Notice);
        return new XElement(
            Atom + "entry",
            new XElement(Atom + "id", url),
            new XElement(Atom + "title", entry.Title),
            new XElement(Atom + "updated", Time(entry.IssuedAt)),
            new XElement(Atom + "published", Time(entry.IssuedAt)),
            new XElement(Atom + "category", new XAttribute("term", entry.Type)),
            new XElement(Atom + "summary", entry.Summary),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", CapNames.MediaType), new XAttribute("href", url)),
            entry.Type == NoticeTypes.Alert
                ? null
                : entry.Replaces.Select(n => new XElement(
                    Thread + "in-reply-to",
                    new XAttribute("ref", noticeUrl(entry.IncidentId, n)),
                    new XAttribute("href", noticeUrl(entry.IncidentId, n)),
                    new XAttribute("type", CapNames.MediaType))));
    }

    private static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
