using IntakeMesh.Core.Explain;
using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Host.Explain;
using IntakeMesh.Host.Hosting;
using IntakeMesh.Host.Tests.Durability;
using IntakeMesh.Ingestion.Explain;
using IntakeMesh.Ingestion.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IntakeMesh.Host.Tests.Explain;

/// <summary>The PostgreSQL explanation store on a fresh database with the schema the host applies at start.</summary>
public class PostgresExplanationStoreTests
{
    private static ComplaintExplanation Explanation(Channel channel, string eventId, DedupKind kind, string summaryKey = "cus-1") => new(
        $"{channel}:{eventId}", eventId, channel, new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(8)),
        new CustomerLink(CustomerLinkRule.StrongestIdentifier, summaryKey, summaryKey, [new LinkedIdentifier(IdentifierKind.Phone, "+86 138****0001", summaryKey, IdentifierUse.Key)]),
        new IncidentKeyExplanation("brand:aurora|sku:x", IncidentKeySource.Subject, "inc-000000000001-1") { SubjectField = "sku" },
        new DedupVerdict(kind, kind == DedupKind.Redelivery ? $"{channel}:{eventId}" : null, 1));

    [Fact]
    public async Task SaveAsync_RetriedAndReopened_KeepsTheFirstOfEachDelivery()
    {
        // Arrange: the schema as the host applies it at start, twice (it is idempotent).
        var database = await TestPostgres.CreateDatabaseAsync("explain");
        await new PostgresSchema(database, NullLogger<PostgresSchema>.Instance).StartAsync(CancellationToken.None);
        await new PostgresSchema(database, NullLogger<PostgresSchema>.Instance).StartAsync(CancellationToken.None);
        var first = Explanation(Channel.Phone, "ph-1", DedupKind.New);
        var redelivery = Explanation(Channel.Phone, "ph-1", DedupKind.Redelivery);
        var other = Explanation(Channel.Email, "ph-1", DedupKind.New);

        // Act: a batch, the same batch retried with a changed copy, then a new store (a restarted host).
        await using (var store = new PostgresExplanationStore(NpgsqlDataSource.Create(database)))
        {
            await store.SaveAsync([first, other, first], CancellationToken.None);
            await store.SaveAsync([first with { Customer = first.Customer with { CustomerKey = "cus-changed" } }, redelivery], CancellationToken.None);
        }
        await using var reopened = new PostgresExplanationStore(NpgsqlDataSource.Create(database));
        var phone = await reopened.FindAsync("ph-1", Channel.Phone, CancellationToken.None);
        var both = await reopened.FindAsync("ph-1", null, CancellationToken.None);
        var none = await reopened.FindAsync("ph-2", null, CancellationToken.None);

        // Assert
        Assert.Equal(2, phone.Count);
        Assert.Equal(first, phone[0], ExplanationComparer.Instance);
        Assert.Equal(redelivery, phone[1], ExplanationComparer.Instance);
        Assert.Equal(["Email:ph-1", "Phone:ph-1", "Phone:ph-1"], both.Select(e => e.ComplaintId));
        Assert.Empty(none);
    }

    [Theory]
    [InlineData("Postgres", typeof(PostgresExplanationStore))]
    [InlineData("Memory", typeof(MemoryExplanationStore))]
    public async Task Host_ByStorageProvider_KeepsExplanationsThere(string provider, Type expected)
    {
        // Arrange: built, not started, so nothing connects.
        await using var app = IntakeMeshApp.Build(["--environment", "Testing"], builder => builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?>(HostFixture.ApiKeySettings())
            {
                ["Storage:Provider"] = provider,
                ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=unused;Database=none",
            }));

        // Act
        var store = app.Services.GetRequiredService<IExplanationStore>();

        // Assert
        Assert.IsType(expected, store);
    }

    /// <summary>Compares explanations by their JSON, since their lists compare by reference.</summary>
    private sealed class ExplanationComparer : IEqualityComparer<ComplaintExplanation>
    {
        public static readonly ExplanationComparer Instance = new();

        public bool Equals(ComplaintExplanation? x, ComplaintExplanation? y) =>
            System.Text.Json.JsonSerializer.Serialize(x) == System.Text.Json.JsonSerializer.Serialize(y);

        public int GetHashCode(ComplaintExplanation obj) => obj.ComplaintId.GetHashCode(StringComparison.Ordinal);
    }
}
