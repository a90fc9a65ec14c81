using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using IntakeMesh.Alerts.Policy;
using IntakeMesh.Alerts.Webhooks.Payloads;
using IntakeMesh.Contracts.Alerts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntakeMesh.Alerts.Webhooks;

/// <summary>
/// Posts one alert to every configured receiver whose minimum tier it reaches, signed, each
/// call with its own timeout. Receivers that already have the alert are skipped; when any
/// receiver fails, the others keep their delivery and the exception makes the bus retry.
/// </summary>
public sealed class WebhookNotifier
{
    /// <summary>The named client every webhook call uses (IHttpClientFactory pools its handlers).</summary>
    public const string HttpClientName = "IntakeMesh.Alerts.Webhooks";

    private readonly IHttpClientFactory _clients;
    private readonly IOptionsMonitor<AlertingOptions> _options;
    private readonly DeliveredAlerts _delivered;
    private readonly TimeProvider _time;
    private readonly AlertInstruments _instruments;
    private readonly ILogger<WebhookNotifier> _logger;

    public WebhookNotifier(IHttpClientFactory clients, IOptionsMonitor<AlertingOptions> options, DeliveredAlerts delivered,
        TimeProvider time, AlertInstruments instruments, ILogger<WebhookNotifier> logger)
    {
        _clients = clients;
        _options = options;
        _delivered = delivered;
        _time = time;
        _instruments = instruments;
        _logger = logger;
    }

    /// <summary>Delivers <paramref name="alert"/>; returns how many receivers got it now.</summary>
    /// <exception cref="WebhookDeliveryException">At least one receiver did not take it.</exception>
    public async Task<int> NotifyAsync(IIncidentAlert alert, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var type = AlertText.TypeName(alert);
        var failures = new List<WebhookDeliveryException>();
        var delivered = 0;
        for (var i = 0; i < options.Webhooks.Count; i++)
        {
            var hook = options.Webhooks[i];
            var receiver = WebhookNames.Of(hook, i);
            var format = hook.Format.ToString().ToLowerInvariant();
            if (!AlertTiers.AtLeast(alert.Tier, hook.MinTier))
            {
                continue;
            }
            if (!_delivered.TryBegin(alert.AlertId, receiver))
            {
                AlertsLog.Duplicate(_logger, receiver, type, alert.AlertId);
                _instruments.Notified(type, format, "duplicate");
                continue;
            }
            try
            {
                await SendAsync(hook, alert, type, options, cancellationToken);
                _delivered.Complete(alert.AlertId, receiver);
                delivered++;
                AlertsLog.Delivered(_logger, receiver, type, alert.AlertId, format);
                _instruments.Notified(type, format, "delivered");
            }
            catch (WebhookDeliveryException e)
            {
                _delivered.Abandon(alert.AlertId, receiver);
                AlertsLog.DeliveryFailed(_logger, receiver, type, alert.AlertId, e.Message);
                _instruments.Notified(type, format, "failed");
                failures.Add(new WebhookDeliveryException($"{receiver}: {e.Message}", e.Permanent, e.InnerException));
            }
            catch
            {
                _delivered.Abandon(alert.AlertId, receiver);
                throw;
            }
        }
        return failures.Count switch
        {
            0 => delivered,
            1 => throw failures[0],
            // Retry unless every failure is one a retry cannot fix.
            _ => throw new WebhookDeliveryException(string.Join("; ", failures.Select(f => f.Message)),
                failures.TrueForAll(f => f.Permanent), new AggregateException(failures)),
        };
    }

    private async Task SendAsync(WebhookOptions hook, IIncidentAlert alert, string type, AlertingOptions options, CancellationToken cancellationToken)
    {
        var body = WebhookPayloads.Build(hook, alert, options.Source);
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
        };
        request.Headers.Add(WebhookSignature.AlertIdHeader, alert.AlertId);
        request.Headers.Add(WebhookSignature.AlertTypeHeader, type);
        if (hook.Secret is { Length: > 0 } secret)
        {
            // Signed at each attempt, so a retry carries a fresh timestamp.
            var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(secret, timestamp, body));
        }
        var timeout = hook.Timeout ?? options.WebhookTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        HttpResponseMessage response;
        try
        {
            response = await _clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WebhookDeliveryException($"no answer within {timeout.TotalSeconds:0.###} s", permanent: false, e);
        }
        catch (HttpRequestException e)
        {
            throw new WebhookDeliveryException($"request failed ({e.HttpRequestError})", permanent: false, e);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                throw new WebhookDeliveryException($"HTTP {status}", IsPermanent(response.StatusCode));
            }
        }
    }

    // A refused request is refused again, except for timeouts, "too early" (425) and throttling.
    private static bool IsPermanent(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 and not (408 or 425 or 429);
}
