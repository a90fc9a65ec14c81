using System.Security.Claims;
using IntakeMesh.Abstractions;
using IntakeMesh.Abstractions.Audit;
using IntakeMesh.Core.Customers;
using IntakeMesh.Core.Identity;
using IntakeMesh.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IntakeMesh.Host.Apis;

public static class CustomersApi
{
    /// <summary>Customers by pseudonymous key: complaint details, so operators and admins only.</summary>
    public static RouteGroupBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/customers").WithTags("Customers").RequireRole(Role.Operator);
        group.MapGet("/{key}", GetAsync);
        group.MapPost("/{key}/complaints/{complaintId}/advance", AdvanceAsync);
        group.MapPost("/{key}/reveal", RevealAsync).RequireRole(Role.Admin);
        group.MapIdentityCorrections();
        return group;
    }

    /// <summary>The lifecycle step a complaint moves to: Handling, Replied or FollowedUp; the note goes to the audit log.</summary>
    public sealed record Advance(ComplaintStage Stage, string? Note = null);

    /// <summary>An operator moves a complaint forward in its lifecycle (domain.md §2: accept, handle, reply, follow up).</summary>
    private static async Task<Results<Ok<CustomerView>, NotFound, Conflict<string>>> AdvanceAsync(
        string key, string complaintId, Advance body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var grain = grains.GetGrain<ICustomerGrain>(key);
        if (await grain.GetAsync() is null)
        {
            return TypedResults.NotFound();
        }
        var caller = Caller.From(user);
        // Logged before it takes effect, like every operator action; a refused advance stays logged as tried.
        await grains.GetAuditLog().RecordAsync(new AuditEntry(
            caller.Name, caller.RoleName, AuditActions.ComplaintAdvance, $"customer {key} complaint {complaintId}", body.Note?.Trim(), $"to {body.Stage}"));
        if (!await grain.AdvanceAsync(complaintId, body.Stage))
        {
            return TypedResults.Conflict($"complaint {complaintId} is unknown to {key} or already at {body.Stage} or later");
        }
        var state = await grain.GetAsync();
        return TypedResults.Ok(CustomerView.From(state!));
    }

    /// <summary>Why an admin needs to see a customer's real contacts; it goes to the audit log.</summary>
    public sealed record RevealRequest(string? Reason);

    public sealed record Revealed(string Key, IReadOnlyList<RevealedIdentifier> Identifiers);

    /// <summary>
    /// An admin opens a customer's sealed contacts, with a reason. The reveal is audited before
    /// anything is opened, so even one that fails is on record.
    /// </summary>
    private static async Task<Results<Ok<Revealed>, NotFound, ValidationProblem>> RevealAsync(
        string key, RevealRequest? body, ClaimsPrincipal user, IGrainFactory grains, IdentifierVault vault)
    {
        if (string.IsNullOrWhiteSpace(body?.Reason))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["revealing personal data needs a reason, which is kept in the audit log"] });
        }
        var state = await grains.GetGrain<ICustomerGrain>(key).GetAsync();
        // A linked identifier's contacts are kept at the customer it points to.
        if (state?.AliasOf is { } canonical)
        {
            state = await grains.GetGrain<ICustomerGrain>(canonical).GetAsync();
        }
        if (state is null)
        {
            return TypedResults.NotFound();
        }
        var caller = Caller.From(user);
        await grains.GetAuditLog().RecordAsync(new AuditEntry(
            caller.Name, caller.RoleName, AuditActions.PersonalDataReveal, $"customer {key}", body.Reason.Trim(), $"{state.Identifiers.Count} identifier(s)"));
        return TypedResults.Ok(new Revealed(key, vault.Reveal(state.Identifiers)));
    }

    /// <summary>One customer by pseudonymous key (cus-…), never by raw identifier.</summary>
    private static async Task<Results<Ok<CustomerView>, NotFound>> GetAsync(string key, IGrainFactory grains)
    {
        var state = await grains.GetGrain<ICustomerGrain>(key).GetAsync();
        return state is null ? TypedResults.NotFound() : TypedResults.Ok(CustomerView.From(state));
    }
}
