namespace Alerts.Testing;

/// <summary>Polls a condition until it holds. Not a timing assertion: the limit only stops a broken test from hanging.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? limit = null, Func<T, string>? describe = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not reached; last value: {(describe is null ? value : describe(value))}");
            }

            await Task.Delay(100);
        }
    }
}
