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
        return group;
    }

    /// <summary>One customer by pseudonymous key (cus-…), never by raw identifier.</summary>
    private static async Task<Results<Ok<CustomerView>, NotFound>> GetAsync(string key, IGrainFactory grains)
    {
        var state = await grains.GetGrain<ICustomerGrain>(key).GetAsync();
        return state is null ? TypedResults.NotFound() : TypedResults.Ok(CustomerView.From(state));
    }
}
