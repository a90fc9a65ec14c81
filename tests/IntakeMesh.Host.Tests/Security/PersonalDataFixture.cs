using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace IntakeMesh.Host.Tests.Security;

/// <summary>
/// A host of its own for the personal-data leak test, built like <see cref="HostFixture"/> but
/// watching everything that leaves it: every log line at Trace (with its structured values, scopes
/// and exceptions), every span of every source (tags, events, baggage, links), and every alert
/// from T0 up. It seals with a two-key ring (the newer key first), as after a rotation.
/// </summary>
public sealed class PersonalDataFixture : IAsyncLifetime
{
    public const string HmacKey = "personal-data-leak-test-secret-0123456789";

    private readonly ActivityListener _listener;
    private ClientPool _clients = null!;

    public PersonalDataFixture()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => Spans.Enqueue(Describe(activity)),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Every finished span, as one text with everything it carries.</summary>
    public ConcurrentQueue<string> Spans { get; } = new();

    public EverythingLogged Logs { get; } = new();

    public WebhookReceiver Webhook { get; } = new();

    public WebApplication App { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Operator { get; private set; } = null!;

    public HttpClient Viewer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>(HostFixture.ApiKeySettings())
        {
            ["Identity:HmacKey"] = HmacKey,
            ["Security:EncryptionKeys:0:Id"] = "k2",
            ["Security:EncryptionKeys:0:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Security:EncryptionKeys:1:Id"] = "k1",
            ["Security:EncryptionKeys:1:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Kafka:MaxBatchWait"] = "00:00:00.020",
            ["Alerts:Webhooks:0:Url"] = Webhook.Url,
            ["Alerts:Webhooks:0:MinTier"] = "T0",
            ["Alerts:Webhooks:0:Format"] = "json",
        };
        (App, var address) = await InProcessHost.StartAsync("Testing", settings, builder =>
        {
            builder.Logging.AddProvider(Logs);
            // A rule for this provider beats every category rule of appsettings: it gets all of it.
            builder.Logging.AddFilter<EverythingLogged>(null, LogLevel.Trace);
        });
        _clients = new ClientPool(address);
        Admin = _clients.Create(HostFixture.AdminKey);
        Operator = _clients.Create(HostFixture.OperatorKey);
        Viewer = _clients.Create(HostFixture.ViewerKey);
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        Webhook.Dispose();
        _clients.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private static string Describe(Activity activity)
    {
        var text = new StringBuilder()
            .Append(activity.Source.Name).Append(" | ").Append(activity.OperationName).Append(" | ").Append(activity.DisplayName)
            .Append(" | ").Append(activity.StatusDescription);
        foreach (var (key, value) in activity.TagObjects)
        {
            text.Append(" | ").Append(key).Append('=').Append(value);
        }
        foreach (var activityEvent in activity.Events)
        {
            text.Append(" | event ").Append(activityEvent.Name);
            foreach (var (key, value) in activityEvent.Tags)
            {
                text.Append(' ').Append(key).Append('=').Append(value);
            }
        }
        foreach (var (key, value) in activity.Baggage)
        {
            text.Append(" | baggage ").Append(key).Append('=').Append(value);
        }
        foreach (var link in activity.Links)
        {
            foreach (var (key, value) in link.Tags ?? [])
            {
                text.Append(" | link ").Append(key).Append('=').Append(value);
            }
        }
        return text.ToString();
    }
}

/// <summary>
/// Keeps every log entry at every level: the formatted line, each structured value on its own
/// (a value the template leaves out still counts), the scopes around it and the full exception.
/// </summary>
public sealed class EverythingLogged : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<string> Entries { get; } = new();

    public ConcurrentDictionary<LogLevel, int> PerLevel { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(string category, EverythingLogged sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => sink._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var entry = new StringBuilder().Append(logLevel).Append(": ").Append(category).Append(": ").Append(formatter(state, exception));
            Append(entry, state);
            sink._scopes.ForEachScope((scope, builder) => Append(builder.Append(" | scope ").Append(scope), scope), entry);
            if (exception is not null)
            {
                entry.Append(" | ").Append(exception);
            }
            sink.Entries.Enqueue(entry.ToString());
            sink.PerLevel.AddOrUpdate(logLevel, 1, (_, n) => n + 1);
        }

        private static void Append(StringBuilder entry, object? state)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    entry.Append(" | ").Append(key).Append('=').Append(value is System.Collections.IEnumerable many and not string ? string.Join(",", many.Cast<object?>()) : value);
                }
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PersonalDataCollection : ICollectionFixture<PersonalDataFixture>
{
    public const string Name = "personal-data";
}
