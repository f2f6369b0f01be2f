using System.Text.Json;
using Alerts.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Server.Tests;

/// <summary>The answer intake gives when it could not file a report under contention: a retryable problem.</summary>
public class BusyProblemTests
{
    [Fact]
    public async Task Busy_Is503ProblemJson_WithRetryAfter_AndSaysWhy()
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();

        await ApiProblems.Busy("The area of report r/1 kept changing").ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("1", context.Response.Headers.RetryAfter.ToString());
        Assert.Equal("application/problem+json", context.Response.ContentType);
        context.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("kept changing", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
