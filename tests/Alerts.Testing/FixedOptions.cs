using Microsoft.Extensions.Options;

namespace Alerts.Testing;

/// <summary>Options that never change, for constructing a policy directly in a test.</summary>
public sealed class FixedOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
