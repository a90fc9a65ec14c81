namespace IntakeMesh.Testing;

/// <summary>
/// Polls a condition that a real, asynchronous system will reach, with a generous deadline.
/// A probe that fails (a 500 while a dead silo's grains move, say) counts as "not yet".
/// </summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, Func<T?, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        T? last = default;
        Exception? error = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await probe();
                error = null;
                if (done(last))
                {
                    return last!;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                error = ex;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{what} did not happen within {timeout}; last seen: {(error is null ? last : error.Message)}");
    }
}
