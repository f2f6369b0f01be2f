using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Tests;

public class FunctionClassesTests
{
    /// <summary>Every class with functions has a test class here that calls them (named after it), so none goes untested.</summary>
    [Fact]
    public void EveryFunctionClass_HasItsTestClass()
    {
        var functionClasses = typeof(AlertsFunctionsApp).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        var testClasses = typeof(FunctionClassesTests).Assembly.GetTypes().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(9, functionClasses.Count);
        Assert.All(functionClasses, name => Assert.Contains(name + "Tests", testClasses));
    }
}
