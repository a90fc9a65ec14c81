namespace IntakeMesh.Host.Tests;

/// <summary>Polls a condition that a real, asynchronous system will reach, with a generous deadline.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, Func<T?, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        T? last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await probe();
            if (done(last))
            {
                return last!;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{what} did not happen within {timeout}; last seen: {last}");
    }
}
