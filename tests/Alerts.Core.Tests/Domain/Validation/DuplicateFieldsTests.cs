using System.Text;
using Alerts.Core.Domain.Validation;

namespace Alerts.Core.Tests.Domain.Validation;

public class DuplicateFieldsTests
{
    [Theory]
    [InlineData("""{"a":1,"b":2}""", null)]
    [InlineData("""{"a":1,"a":2}""", "a")]
    [InlineData("""{"a":1,"A":2}""", null)]
    [InlineData("""{"location":{"lat":1,"lon":2,"lat":3}}""", "location.lat")]
    [InlineData("""{"x":{"a":1},"y":{"a":1}}""", null)]
    [InlineData("""{"list":[{"a":1},{"a":1,"a":2}]}""", "list.[].a")]
    [InlineData("""[{"a":1}]""", null)]
    public void Find(string json, string? path) =>
        Assert.Equal(path, DuplicateFields.Find(Encoding.UTF8.GetBytes(json)));
}
