using System.Text;
using IntakeMesh.Core.Explain;
using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Replay;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Tests.Explain;

/// <summary>
/// The builder over the decisions the replay engine actually takes (the same rules as the grains):
/// each kind of customer link, incident key and dedup verdict, said as it was decided.
/// </summary>
public class ExplanationBuilderTests
{
    private const string Subject = """{"brand":"Aurora","sku":"EXPLAIN-SKU-1"}""";
    private const string Battery = "The battery of my scooter died after two weeks and the shop refuses to replace it, order";
    private const string Rude = "Unheard of rudeness at the counter today, nobody would listen to my complaint at all";

    private static readonly IntakeReader Reader = new(
        new IntakeLimits(), new CustomerKeyer("explain-test-secret-0123456789"u8), new ComplaintClassifier(Lexicon.Default),
        new ProductCatalog([new CatalogEntry { Brand = "Zephyr", Product = "Zephyr kettle", Sku = "ZK-1", Aliases = ["zephyr kettle"] }]));

    private static string Event(string id, int minute, string customer, string text, string? subject = null) =>
        $$"""{"eventId":"{{id}}","occurredAt":"2026-11-20T09:{{minute:00}}:00+08:00","customer":{{{customer}}},"text":"{{text}}"{{(subject is null ? "" : $",\"subject\":{subject}")}}}""";

    private static readonly (Channel Channel, string Json)[] Scenario =
    [
        (Channel.Phone, Event("ph-1", 0, "\"phone\":\"+8613800000001\"", $"{Battery} 1001", Subject)),
        (Channel.Phone, Event("ph-1", 0, "\"phone\":\"+8613800000001\"", $"{Battery} 1001", Subject)),
        (Channel.Email, Event("em-1", 5, "\"phone\":\"+8613800000001\",\"email\":\"li.explain@example.com\"", "Following up on my call: still no replacement battery.", Subject)),
        (Channel.Email, Event("em-2", 10, "\"email\":\"li.explain@example.com\"", "My Zephyr kettle leaks boiling water everywhere")),
        (Channel.Phone, Event("ph-2", 15, "\"phone\":\"+8613800000002\"", $"{Battery} 2002", Subject)),
        (Channel.Social, Event("so-1", 20, "\"handle\":\"weibo:explainer_one\"", Rude)),
        (Channel.Social, Event("so-2", 25, "\"handle\":\"weibo:explainer_two\"", $"{Rude}!!! 3")),
    ];

    private static List<ComplaintExplanation> Replay()
    {
        var facts = new FactBuffer();
        foreach (var (channel, json) in Scenario)
        {
            var understood = Reader.Read(channel, Encoding.UTF8.GetBytes(json)).Understood!;
            facts.Add(understood.Fact, ComplaintReading.Of(understood));
        }
        var engine = new ReplayEngine(new DetectionOptions());
        var explanations = new List<ComplaintExplanation>();
        foreach (var (fact, reading) in facts.Read())
        {
            engine.Apply(fact, reading, [], explanations);
        }
        return explanations;
    }

    [Fact]
    public void Build_EveryKindOfDecision_SaysWhatWasDecided()
    {
        // Act
        var all = Replay();

        // Assert
        Assert.Equal(Scenario.Length, all.Count);
        var ph1 = all[0];
        Assert.Equal("Phone:ph-1", ph1.ComplaintId);
        Assert.Equal(CustomerLinkRule.StrongestIdentifier, ph1.Customer.Rule);
        var phone = Assert.Single(ph1.Customer.Identifiers);
        Assert.Equal((IdentifierKind.Phone, "+86 138****0001", IdentifierUse.Key), (phone.Kind, phone.Masked, phone.Use));
        Assert.Equal(phone.Key, ph1.Customer.CustomerKey);
        Assert.Equal((IncidentKeySource.Subject, "sku", "brand:aurora|sku:explain-sku-1"), (ph1.Incident.Source, ph1.Incident.SubjectField, ph1.Incident.Key));
        Assert.Equal(IncidentKeys.IncidentId("brand:aurora|sku:explain-sku-1", 1), ph1.Incident.IncidentId);
        Assert.Equal((DedupKind.New, null, 1), (ph1.Verdict.Kind, ph1.Verdict.Of, ph1.Verdict.ContactNumber));

        var again = all[1];
        Assert.Equal((DedupKind.Redelivery, "Phone:ph-1"), (again.Verdict.Kind, again.Verdict.Of));
        Assert.Null(again.Incident.IncidentId);

        var em1 = all[2];
        Assert.Equal((DedupKind.RepeatContact, "Phone:ph-1", 2), (em1.Verdict.Kind, em1.Verdict.Of, em1.Verdict.ContactNumber));
        Assert.Equal([(IdentifierKind.Phone, IdentifierUse.Key), (IdentifierKind.Email, IdentifierUse.Alias)], em1.Customer.Identifiers.Select(i => (i.Kind, i.Use)));
        Assert.Equal("l***@example.com", em1.Customer.Identifiers[1].Masked);
        Assert.Contains("email l***@example.com linked to", em1.Customer.Summary);

        var em2 = all[3];
        Assert.Equal(CustomerLinkRule.AliasForward, em2.Customer.Rule);
        Assert.Equal(ph1.Customer.CustomerKey, em2.Customer.CustomerKey);
        Assert.Equal(em1.Customer.Identifiers[1].Key, em2.Customer.EventKey);
        Assert.Equal(IncidentKeySource.Catalog, em2.Incident.Source);
        Assert.Equal(new CatalogMatch("zephyr kettle", "Zephyr", "Zephyr kettle", "ZK-1", null), em2.Incident.Catalog);
        Assert.Equal(DedupKind.New, em2.Verdict.Kind);

        var ph2 = all[4];
        Assert.Equal((DedupKind.TemplatedNearDuplicate, "Phone:ph-1", 0, 3), (ph2.Verdict.Kind, ph2.Verdict.Of, ph2.Verdict.Distance, ph2.Verdict.Threshold));
        Assert.Equal(ph1.Incident.IncidentId, ph2.Incident.IncidentId);

        var so1 = all[5];
        Assert.Equal(IncidentKeySource.Fingerprint, so1.Incident.Source);
        Assert.Equal(new FingerprintMatch(null, null), so1.Incident.Fingerprint);
        Assert.Equal(DedupKind.New, so1.Verdict.Kind);

        var so2 = all[6];
        Assert.Equal(so1.Incident.Key, so2.Incident.Key);
        Assert.Equal(new FingerprintMatch("Social:so-1", 0), so2.Incident.Fingerprint);
        Assert.Equal((DedupKind.TemplatedNearDuplicate, "Social:so-1"), (so2.Verdict.Kind, so2.Verdict.Of));
    }

    [Fact]
    public void Build_ForwardedComplaint_SaysWhichAliasItCameThrough()
    {
        var em2 = Replay()[3];

        Assert.StartsWith("its strongest identifier, email l***@example.com, had been linked earlier as an alias of cus-", em2.Customer.Summary);
        Assert.Equal("brand:zephyr|sku:zk-1 from catalog entry Zephyr / Zephyr kettle / ZK-1, whose alias 'zephyr kettle' is in the text", em2.Incident.Summary);
    }

    [Fact]
    public void Build_PlacementOfAnotherComplaint_IsIgnored()
    {
        // Arrange: a placement that does not belong to the verdict must not lend it a template match.
        var understood = Reader.Read(Channel.Phone, Encoding.UTF8.GetBytes(Scenario[0].Json)).Understood!;
        var placement = new ComplaintPlacement("Phone:other", "inc-x-1", false, new Core.Incidents.Sketches.TextComparison("Phone:z", 1, "Phone:z", 1, 3));

        // Act
        var explanation = ExplanationBuilder.Build(ComplaintReading.Of(understood), understood.Fact with { ContactNumber = 1 }, placement);

        // Assert
        Assert.Equal(DedupKind.New, explanation.Verdict.Kind);
        Assert.Null(explanation.Incident.IncidentId);
    }
}
