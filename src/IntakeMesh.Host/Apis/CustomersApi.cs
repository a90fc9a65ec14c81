using IntakeMesh.Abstractions;
using IntakeMesh.Core.Customers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IntakeMesh.Host.Apis;

public static class CustomersApi
{
    public static RouteGroupBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/customers").WithTags("Customers");
        group.MapGet("/{key}", GetAsync);
        group.MapPost("/{key}/complaints/{complaintId}/advance", AdvanceAsync);
        return group;
    }

    /// <summary>The lifecycle step a complaint moves to: Handling, Replied or FollowedUp.</summary>
    public sealed record Advance(ComplaintStage Stage);

    /// <summary>An operator moves a complaint forward in its lifecycle (domain.md §2: accept, handle, reply, follow up).</summary>
    private static async Task<Results<Ok<CustomerView>, NotFound, Conflict<string>>> AdvanceAsync(string key, string complaintId, Advance body, IGrainFactory grains)
    {
        var grain = grains.GetGrain<ICustomerGrain>(key);
        if (await grain.GetAsync() is null)
        {
            return TypedResults.NotFound();
        }
        if (!await grain.AdvanceAsync(complaintId, body.Stage))
        {
            return TypedResults.Conflict($"complaint {complaintId} is unknown to {key} or already at {body.Stage} or later");
        }
        var state = await grain.GetAsync();
        return TypedResults.Ok(CustomerView.From(state!));
    }

    /// <summary>One customer by pseudonymous key (cus-…), never by raw identifier.</summary>
    private static async Task<Results<Ok<CustomerView>, NotFound>> GetAsync(string key, IGrainFactory grains)
    {
        var state = await grains.GetGrain<ICustomerGrain>(key).GetAsync();
        return state is null ? TypedResults.NotFound() : TypedResults.Ok(CustomerView.From(state));
    }
}
