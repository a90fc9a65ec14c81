using System.Net.Http.Json;
using System.Text.Json;
using Confluent.Kafka;
using IntakeMesh.Cli.Input;
using IntakeMesh.Cli.Scenarios;
using IntakeMesh.Core.Intake;
using IntakeMesh.Host.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntakeMesh.Board.Tests;

/// <summary>
/// The real host in this process (Kestrel on a free loopback port, one silo, the embedded Kafka
/// broker), with one API key per role, and a way to play the group-complaint scenario into it.
/// </summary>
public class BoardHost : IAsyncLifetime
{
    public const string ScenarioKey = "brand:aurora|sku:ax7-bat-48v";

    public const string AdminKey = "board-test-admin-key-7f3a91";
    public const string OperatorKey = "board-test-operator-key-2c8e55";
    public const string ViewerKey = "board-test-viewer-key-b41d06";
    public const string OperatorName = "pr-lead";

    private ClientPool _clients = null!;

    public WebApplication App { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Operator { get; private set; } = null!;

    public HttpClient Viewer { get; private set; } = null!;

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    public virtual async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Identity:HmacKey"] = "board-test-secret-0123456789abcdef",
            ["Kafka:MaxBatchWait"] = "00:00:00.020",
            ["Security:ApiKeys:0:Name"] = "board-admin",
            ["Security:ApiKeys:0:Role"] = "admin",
            ["Security:ApiKeys:0:Sha256"] = ApiKeyHash.HexOf(AdminKey),
            ["Security:ApiKeys:1:Name"] = OperatorName,
            ["Security:ApiKeys:1:Role"] = "operator",
            ["Security:ApiKeys:1:Sha256"] = ApiKeyHash.HexOf(OperatorKey),
            ["Security:ApiKeys:2:Name"] = "contact-centre-wall",
            ["Security:ApiKeys:2:Role"] = "viewer",
            ["Security:ApiKeys:2:Sha256"] = ApiKeyHash.HexOf(ViewerKey),
        };
        (App, BaseAddress) = await InProcessHost.StartAsync(EnvironmentName, settings, builder => Configure(settings, builder.Logging));
        _clients = new ClientPool(BaseAddress);
        Admin = Client(AdminKey);
        Operator = Client(OperatorKey);
        Viewer = Client(ViewerKey);
    }

    /// <summary>Not Production, so the host needs no production secrets.</summary>
    protected virtual string EnvironmentName => "Testing";

    /// <summary>Changes the host's settings and logging before it is built.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings, ILoggingBuilder logging)
    {
    }

    public HttpClient Client(string? apiKey = null) => _clients.Create(apiKey);

    /// <summary>The group-complaint scenario's events, in the order the CLI sends them.</summary>
    public static IReadOnlyList<EventLine> Scenario => GroupComplaintScenario.Build();

    /// <summary>A few everyday complaints about other products, so the board has more than the scenario on it.</summary>
    public static IReadOnlyList<EventLine> Background()
    {
        static EventLine Line(Channel channel, string json) => new(0, channel, System.Text.Encoding.UTF8.GetBytes(json));
        return
        [
            Line(Channel.Phone, """{"eventId":"bg-ph-1","occurredAt":"2026-11-20T09:10:00+08:00","customer":{"phone":"+8613911112222"},"text":"Charger LX-200 stopped working after a week; wants a replacement.","subject":{"brand":"Lumen","sku":"LX-200"}}"""),
            Line(Channel.Email, """{"eventId":"bg-em-1","occurredAt":"2026-11-20T11:40:00+08:00","customer":{"email":"zhou.min@example.com"},"text":"第三次联系了！配送一直延误，再不处理我就投诉到12315。","subject":{"brand":"Swift Express","store":"Pudong hub"}}"""),
            Line(Channel.Social, """{"eventId":"bg-so-1","occurredAt":"2026-11-20T12:00:00+08:00","customer":{"handle":"weibo:@kettle_fan"},"text":"新买的K3电水壶底座漏电，差点被电到，太危险了！","subject":{"brand":"Hearth","sku":"K3-KETTLE"},"social":{"platform":"weibo","postId":"wb-77001","followers":2300}}"""),
            Line(Channel.Social, """{"eventId":"bg-so-2","occurredAt":"2026-11-20T13:30:00+08:00","customer":{"handle":"weibo:@home_cook_li"},"text":"我的K3水壶也漏电，底座有焦味。","subject":{"brand":"Hearth","sku":"K3-KETTLE"},"social":{"platform":"weibo","postId":"wb-77002","followers":410,"replyTo":"wb-77001"}}"""),
            Line(Channel.Phone, """{"eventId":"bg-ph-2","occurredAt":"2026-11-20T15:05:00+08:00","customer":{"phone":"+8613700003333"},"text":"Customer reports a K3 kettle base sparking; asks for a refund.","subject":{"brand":"Hearth","sku":"K3-KETTLE"}}"""),
        ];
    }

    /// <summary>Sends events to their channel's topic on the host's embedded broker, as the CLI's produce verb does.</summary>
    public async Task ProduceAsync(IEnumerable<EventLine> lines)
    {
        var system = await Admin.GetFromJsonAsync<JsonElement>("/api/system");
        var bootstrap = system.GetProperty("kafka").GetProperty("bootstrapServers").GetString();
        using var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = bootstrap, Acks = Acks.All, EnableIdempotence = true }).Build();
        foreach (var line in lines)
        {
            await producer.ProduceAsync(IntakeTopics.For(line.Channel), new Message<byte[]?, byte[]> { Key = RecordKeys.For(line.Channel, line.Event), Value = line.Event });
        }
        producer.Flush(TimeSpan.FromSeconds(10));
    }

    /// <summary>The scenario's incident as the API lists it, once every participant reached it.</summary>
    public Task<JsonElement> ScenarioIncidentAsync() => Eventually.GetAsync(
        async () => (await Operator.GetFromJsonAsync<JsonElement[]>("/api/incidents"))!.FirstOrDefault(i => i.GetProperty("key").GetString() == ScenarioKey),
        i => i.ValueKind == JsonValueKind.Object && i.GetProperty("participants").GetInt32() == GroupComplaintScenario.Participants,
        TimeSpan.FromSeconds(60), "every scenario complaint reaching the incident");

    public virtual async Task DisposeAsync()
    {
        _clients.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
