using System.Security.Claims;
using IntakeMesh.Abstractions;
using IntakeMesh.Abstractions.Audit;
using IntakeMesh.Core.Customers;
using IntakeMesh.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IntakeMesh.Host.Apis;

/// <summary>
/// Operators correct which identifiers are one customer: unlink two that were wrongly linked (a
/// shared family phone, a recycled number), or link two by hand. Each is audited before it acts.
/// </summary>
public static class CustomerIdentityApi
{
    /// <summary>Adds the unlink and link endpoints to the customers group (operators: no personal data is opened).</summary>
    public static RouteGroupBuilder MapIdentityCorrections(this RouteGroupBuilder group)
    {
        group.MapPost("/{key}/unlink", UnlinkAsync);
        group.MapPost("/{key}/link", LinkAsync);
        return group;
    }

    /// <summary>The other identifier's customer key (cus-…), and why; the reason goes to the audit log.</summary>
    public sealed record IdentityCorrection(string? Identifier, string? Reason);

    /// <summary>Both customers after the correction, identifiers masked.</summary>
    public sealed record IdentityCorrected(CustomerView Customer, CustomerView Identifier);

    private static async Task<Results<Ok<IdentityCorrected>, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ValidationProblem>> UnlinkAsync(
        string key, IdentityCorrection? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (refused, customer, alias, identifier) = await PairAsync(key, body, grains);
        if (refused is not null)
        {
            return refused;
        }
        await AuditAsync(grains, user, AuditActions.CustomerUnlink, key, identifier, body!.Reason!, "");
        var linked = customer!.Aliases.Contains(identifier) || alias!.AliasOf == key;
        if (!linked || !await grains.GetGrain<ICustomerGrain>(key).UnlinkAsync(identifier))
        {
            return Conflict($"{identifier} is not linked to {key}");
        }
        return await AnswerAsync(grains, key, identifier);
    }

    private static async Task<Results<Ok<IdentityCorrected>, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ValidationProblem>> LinkAsync(
        string key, IdentityCorrection? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (refused, customer, alias, identifier) = await PairAsync(key, body, grains);
        if (refused is not null)
        {
            return refused;
        }
        var previous = alias!.AliasOf is { } other && other != key ? $"was linked to {other}" : "";
        await AuditAsync(grains, user, AuditActions.CustomerLink, key, identifier, body!.Reason!, previous);
        if (customer!.AliasOf is { } canonical)
        {
            return Conflict($"{key} is itself linked to {canonical}; link {identifier} to {canonical} instead");
        }
        if (alias.AliasOf == key || !await grains.GetGrain<ICustomerGrain>(key).LinkAsync(identifier))
        {
            return Conflict($"{identifier} is already linked to {key}");
        }
        return await AnswerAsync(grains, key, identifier);
    }

    /// <summary>Both customers of a correction, or the answer refusing it (a missing field, an unknown customer).</summary>
    private static async Task<(Results<Ok<IdentityCorrected>, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ValidationProblem>? Refused,
        CustomerState? Customer, CustomerState? Alias, string Identifier)> PairAsync(string key, IdentityCorrection? body, IGrainFactory grains)
    {
        if (Invalid(key, body) is { } invalid)
        {
            return (invalid, null, null, "");
        }
        var identifier = body!.Identifier!.Trim();
        var (customer, alias) = (await grains.GetGrain<ICustomerGrain>(key).GetAsync(), await grains.GetGrain<ICustomerGrain>(identifier).GetAsync());
        return Unknown(key, customer, identifier, alias) is { } unknown ? (unknown, null, null, identifier) : (null, customer, alias, identifier);
    }

    private static ValidationProblem? Invalid(string key, IdentityCorrection? body)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body?.Identifier))
        {
            errors["identifier"] = ["the other identifier's customer key (cus-…) is required"];
        }
        else if (body.Identifier.Trim() == key)
        {
            errors["identifier"] = ["a customer cannot be linked to or unlinked from itself"];
        }
        if (string.IsNullOrWhiteSpace(body?.Reason))
        {
            errors["reason"] = ["an identity correction needs a reason, which is kept in the audit log"];
        }
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null;
    }

    private static NotFound<ProblemDetails>? Unknown(string key, CustomerState? customer, string identifier, CustomerState? alias) =>
        customer is null ? NotFound(key) : alias is null ? NotFound(identifier) : null;

    private static NotFound<ProblemDetails> NotFound(string key) =>
        TypedResults.NotFound(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Unknown customer", Detail = $"no customer {key}" });

    private static Conflict<ProblemDetails> Conflict(string detail) =>
        TypedResults.Conflict(new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Identity correction refused", Detail = detail });

    private static Task AuditAsync(IGrainFactory grains, ClaimsPrincipal user, string action, string key, string identifier, string reason, string detail)
    {
        var caller = Caller.From(user);
        // Logged before it takes effect, like every operator action; a refused correction stays logged as tried.
        var what = detail.Length > 0 ? $"identifier {identifier}, {detail}" : $"identifier {identifier}";
        return grains.GetAuditLog().RecordAsync(new AuditEntry(caller.Name, caller.RoleName, action, $"customer {key}", reason.Trim(), what));
    }

    private static async Task<Ok<IdentityCorrected>> AnswerAsync(IGrainFactory grains, string key, string identifier)
    {
        var customer = await grains.GetGrain<ICustomerGrain>(key).GetAsync();
        var alias = await grains.GetGrain<ICustomerGrain>(identifier).GetAsync();
        return TypedResults.Ok(new IdentityCorrected(CustomerView.From(customer!), CustomerView.From(alias!)));
    }
}
