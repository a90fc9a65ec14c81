using IntakeMesh.Alerts.Policy;
using IntakeMesh.Alerts.Webhooks;
using Microsoft.Extensions.Options;

namespace IntakeMesh.Alerts;

/// <summary>Checks the <c>Alerts</c> section at start, naming each wrong key.</summary>
internal sealed class AlertingOptionsValidator : IValidateOptions<AlertingOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertingOptions options)
    {
        var errors = new List<string>();
        if (options.RenotifyInterval <= TimeSpan.Zero)
        {
            errors.Add("Alerts:RenotifyInterval must be positive");
        }
        if (!AlertTiers.IsValid(options.RenotifyMinTier))
        {
            errors.Add($"Alerts:RenotifyMinTier must be T0 to T4, not '{options.RenotifyMinTier}'");
        }
        if (!string.IsNullOrWhiteSpace(options.IncidentUrlBase) && !IsHttpUrl(options.IncidentUrlBase))
        {
            errors.Add("Alerts:IncidentUrlBase must be an absolute http(s) URL");
        }
        if (!string.IsNullOrWhiteSpace(options.BoardUrl) && !IsHttpUrl(options.BoardUrl))
        {
            errors.Add("Alerts:BoardUrl must be an absolute http(s) URL, e.g. https://intakemesh.example.com");
        }
        if (options.WebhookTimeout <= TimeSpan.Zero)
        {
            errors.Add("Alerts:WebhookTimeout must be positive");
        }
        if (options.ProcessedAlertCapacity < 1)
        {
            errors.Add("Alerts:ProcessedAlertCapacity must be at least 1");
        }
        if (options.ConcurrentDeliveries < 1)
        {
            errors.Add("Alerts:ConcurrentDeliveries must be at least 1");
        }
        if (string.IsNullOrWhiteSpace(options.QueueName))
        {
            errors.Add("Alerts:QueueName must not be empty");
        }
        ValidateRetry(options.Retry, errors);
        for (var i = 0; i < options.Webhooks.Count; i++)
        {
            ValidateWebhook($"Alerts:Webhooks:{i}", options.Webhooks[i], errors);
        }
        var names = options.Webhooks.Select((hook, i) => WebhookNames.Of(hook, i)).ToList();
        foreach (var duplicate in names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"Alerts:Webhooks: the name '{duplicate.Key}' is used more than once");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateRetry(AlertRetryOptions retry, List<string> errors)
    {
        if (retry.Limit < 0)
        {
            errors.Add("Alerts:Retry:Limit must not be negative");
        }
        if (retry.MinInterval < TimeSpan.Zero || retry.IntervalDelta < TimeSpan.Zero)
        {
            errors.Add("Alerts:Retry:MinInterval and Alerts:Retry:IntervalDelta must not be negative");
        }
        if (retry.MaxInterval < retry.MinInterval)
        {
            errors.Add("Alerts:Retry:MaxInterval must not be below Alerts:Retry:MinInterval");
        }
    }

    private static void ValidateWebhook(string path, WebhookOptions hook, List<string> errors)
    {
        if (!IsHttpUrl(hook.Url))
        {
            errors.Add($"{path}:Url must be an absolute http(s) URL");
        }
        if (!AlertTiers.IsValid(hook.MinTier))
        {
            errors.Add($"{path}:MinTier must be T0 to T4, not '{hook.MinTier}'");
        }
        if (!Enum.IsDefined(hook.Format))
        {
            errors.Add($"{path}:Format must be json, slack or pagerduty");
        }
        if (hook.Format == WebhookFormat.PagerDuty && string.IsNullOrEmpty(hook.RoutingKey) && string.IsNullOrEmpty(hook.Secret))
        {
            errors.Add($"{path}: a pagerduty webhook needs RoutingKey (or Secret) for routing_key");
        }
        if (hook.Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            errors.Add($"{path}:Timeout must be positive");
        }
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
