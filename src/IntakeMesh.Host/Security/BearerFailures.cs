using Microsoft.IdentityModel.Tokens;

namespace IntakeMesh.Host.Security;

/// <summary>Says in one sentence why a bearer token was refused, without IdentityModel's codes or hidden-PII placeholders.</summary>
public static class BearerFailures
{
    public static string Describe(Exception failure) => failure switch
    {
        SecurityTokenExpiredException => "the bearer token has expired",
        SecurityTokenNotYetValidException => "the bearer token is not valid yet (nbf)",
        SecurityTokenNoExpirationException => "the bearer token has no expiry (exp); tokens must expire",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException =>
            "the bearer token's signature does not verify with this host's signing key",
        SecurityTokenInvalidAlgorithmException => "the bearer token must be signed with HS256",
        SecurityTokenInvalidIssuerException => "the bearer token's issuer (iss) is not the one this host accepts",
        SecurityTokenInvalidAudienceException => "the bearer token's audience (aud) is not the one this host accepts",
        SecurityTokenInvalidLifetimeException => "the bearer token's lifetime is not valid (nbf after exp)",
        SecurityTokenMalformedException or ArgumentException => "the bearer token is not a well-formed JWT",
        _ => "the bearer token is not valid",
    };
}
