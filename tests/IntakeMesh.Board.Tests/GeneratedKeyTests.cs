using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace IntakeMesh.Board.Tests;

/// <summary>The embedded default: no keys configured, the host prints an admin key, and that key opens the board.</summary>
public partial class GeneratedKeyTests(GeneratedKeyTests.Host host) : IClassFixture<GeneratedKeyTests.Host>
{
    /// <summary>A host run as `dotnet run` runs it: Development, no API key or token configured; its log is kept.</summary>
    public sealed class Host : BrowserHost
    {
        public ConcurrentQueue<string> Log { get; } = new();

        protected override string EnvironmentName => "Development";

        protected override void Configure(Dictionary<string, string?> settings, ILoggingBuilder logging)
        {
            foreach (var key in settings.Keys.Where(k => k.StartsWith("Security:", StringComparison.Ordinal)).ToList())
            {
                settings.Remove(key);
            }
            logging.AddProvider(new QueueLoggerProvider(Log));
        }
    }

    [Fact]
    public async Task PrintedAdminKey_SignsInToTheBoard()
    {
        // Arrange: the key as a person copies it from the log.
        var line = Assert.Single(host.Log, l => l.Contains("admin api key: ", StringComparison.Ordinal));
        var key = AdminKey().Match(line).Groups[1].Value;

        // Act
        var page = await host.SignInAsync(key);

        // Assert
        Assert.Contains("admin", await page.Locator(".who").InnerTextAsync());
        await page.Locator(".live[data-state='live']").WaitForAsync();
        Assert.Empty(host.PageErrors);
    }

    [GeneratedRegex(@"admin api key: (\S+)")]
    private static partial Regex AdminKey();

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(lines);

        public void Dispose()
        {
        }

        private sealed class QueueLogger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }
}
