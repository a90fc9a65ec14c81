using System.Text;
using Microsoft.Extensions.Options;

namespace IntakeMesh.Host.Security;

/// <summary>Checks every configured key and the JWT settings at start, naming the configuration key of each problem.</summary>
public sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public const int MinSigningKeyBytes = 32;

    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var hashes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            var at = $"{SecurityOptions.Section}:ApiKeys:{i}";
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                errors.Add($"{at}:Name is required (it names the caller in the audit log)");
            }
            else if (!names.Add(key.Name.Trim()))
            {
                errors.Add($"{at}:Name '{key.Name}' is used by another key; names must tell callers apart");
            }
            if (!Roles.TryParse(key.Role, out _))
            {
                errors.Add($"{at}:Role must be viewer, operator or admin");
            }
            if (!ApiKeyHash.IsHex(key.Sha256))
            {
                errors.Add($"{at}:Sha256 must be the 64 hex digits of the key's SHA-256 (printf %s \"$KEY\" | sha256sum)");
            }
            else if (!hashes.Add(key.Sha256!.Trim()))
            {
                errors.Add($"{at}:Sha256 is the same key as another entry's");
            }
        }

        var jwt = options.Jwt;
        if (jwt.IsConfigured)
        {
            if (string.IsNullOrWhiteSpace(jwt.Issuer))
            {
                errors.Add($"{SecurityOptions.Section}:Jwt:Issuer is required when JWT sign-in is configured");
            }
            if (string.IsNullOrWhiteSpace(jwt.Audience))
            {
                errors.Add($"{SecurityOptions.Section}:Jwt:Audience is required when JWT sign-in is configured");
            }
            if (Encoding.UTF8.GetByteCount(jwt.SigningKey ?? "") < MinSigningKeyBytes)
            {
                errors.Add($"{SecurityOptions.Section}:Jwt:SigningKey must be at least {MinSigningKeyBytes} bytes (HMAC-SHA256)");
            }
            if (jwt.ClockSkew < TimeSpan.Zero || jwt.ClockSkew > TimeSpan.FromMinutes(10))
            {
                errors.Add($"{SecurityOptions.Section}:Jwt:ClockSkew must be between 0 and 10 minutes");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
