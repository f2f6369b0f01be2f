using Alerts.Core.Domain.Cap;
using Microsoft.AspNetCore.Http;

namespace Alerts.Api;

/// <summary>CAP documents and the Atom feed as responses.</summary>
public static class CapResults
{
    /// <summary>The CAP message, or a 404 problem that does not say whether the incident exists but is held.</summary>
    public static IResult Message(byte[]? document, string id) => document is null
        ? Results.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Not found",
            detail: $"Incident '{id}' has no CAP message: it does not exist, or it has not been released (a held incident's facts are not published).")
        : Results.Bytes(document, CapNames.MediaType);

    public static IResult Feed(byte[] feed) => Results.Bytes(feed, AtomFeedWriter.MediaType);
}
