using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using IntakeMesh.Core.Customers;
using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;
using static IntakeMesh.Core.Tests.Incidents.Facts;

namespace IntakeMesh.Core.Tests.Incidents;

/// <summary>The customer keeps its sealed identifiers; nothing downstream of it gets them.</summary>
public class CustomerIdentifiersTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static readonly IdentifierVault Vault = new([new VaultKey("k1", new byte[32])]);
    private static readonly IntakeReader Reader = new(new IntakeLimits(), new CustomerKeyer("customer-identifiers-test-secret"u8, "86"),
        new ComplaintClassifier(Lexicon.Default), ProductCatalog.Empty, Vault);

    private static ComplaintFact Read(string eventId, string customerJson, Channel channel = Channel.Phone)
    {
        var json = $$$"""{"eventId":"{{{eventId}}}","occurredAt":"2026-11-20T08:00:00Z","customer":{{{customerJson}}},"text":"电池坏了","subject":{"brand":"Aurora","sku":"AX7"}}""";
        var outcome = Reader.Read(channel, Encoding.UTF8.GetBytes(json));
        return outcome.Fact ?? throw new InvalidOperationException(outcome.Error!.ToString());
    }

    [Fact]
    public void Read_SealsEveryIdentifier_WithItsHashAndMaskedForm_AndNoRawValue()
    {
        var fact = Read("e1", """{"id":"crm-1029","phone":"+86 138 1234 5678","email":"Li.Hua@Example.com","handle":"weibo:@LiHua2024"}""");

        Assert.Equal([IdentifierKind.CrmId, IdentifierKind.Phone, IdentifierKind.Email, IdentifierKind.Handle], fact.Identifiers.Select(i => i.Kind));
        Assert.Equal(["****1029", "+86 138****5678", "l***@example.com", "weibo:li*******"], fact.Identifiers.Select(i => i.Masked));
        Assert.Equal(["CRM-1029", "+8613812345678", "li.hua@example.com", "weibo:lihua2024"], fact.Identifiers.Select(Vault.Open));
        // The hashes are the ones customer keys are made of: the strongest is the customer's key.
        Assert.Equal(fact.CustomerKey, CustomerIdentity.KeyOf(new IdentifierHash(IdentifierKind.CrmId, fact.Identifiers[0].Hash)));
        Assert.Equal(fact.LinkedKeys, fact.Identifiers.Skip(1).Select(i => "cus-" + i.Hash));
        var serialized = JsonSerializer.Serialize(fact, Json);
        foreach (var raw in new[] { "13812345678", "138 1234 5678", "li.hua@example.com", "Li.Hua", "lihua2024", "LiHua2024" })
        {
            Assert.DoesNotContain(raw, serialized, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Read_WithoutAVault_KeepsNoIdentifiers()
    {
        var reader = new IntakeReader(new IntakeLimits(), new CustomerKeyer("customer-identifiers-test-secret"u8), new ComplaintClassifier(Lexicon.Default), ProductCatalog.Empty);

        var outcome = reader.Read(Channel.Email, """{"eventId":"e","occurredAt":"2026-11-20T08:00:00Z","customer":{"email":"li@example.com"},"text":"x"}"""u8);

        Assert.Empty(outcome.Fact!.Identifiers);
    }

    [Fact]
    public void Accept_KeepsIdentifiersOncePerHash_LatestSealingWins_AndVerdictsCarryNone()
    {
        var customer = new Customer(new CustomerState());
        var first = Read("e1", """{"phone":"+8613812345678","email":"li@example.com"}""");
        var again = Read("e2", """{"phone":"+86 138-1234-5678"}""") with { CustomerKey = first.CustomerKey };

        var verdicts = new[] { customer.Accept(first), customer.Accept(again), customer.Accept(first) };

        Assert.All(verdicts, v => Assert.Empty(v.Identifiers));
        Assert.True(verdicts[2].Redelivered);
        var kept = customer.State.Identifiers;
        Assert.Equal([IdentifierKind.Email, IdentifierKind.Phone], kept.Select(i => i.Kind));
        Assert.Equal(again.Identifiers[0].Sealed, kept.Single(i => i.Kind == IdentifierKind.Phone).Sealed);
        Assert.Equal(["***@example.com", "+86 138****5678"], CustomerView.From(customer.State).Identifiers.Select(i => i.Masked));
    }

    [Fact]
    public void Accept_ManyIdentifiers_KeepsTheMostRecentlySeen()
    {
        var customer = new Customer(new CustomerState());

        for (var i = 0; i < Customer.RememberedIdentifiers + 5; i++)
        {
            customer.Accept(Read($"e{i}", $$"""{"email":"user{{i}}@example.com"}""", Channel.Email) with { CustomerKey = "cus-1" });
        }

        Assert.Equal(Customer.RememberedIdentifiers, customer.State.Identifiers.Count);
        Assert.Equal("user5@example.com", Vault.Open(customer.State.Identifiers[0]));
        Assert.Equal($"user{Customer.RememberedIdentifiers + 4}@example.com", Vault.Open(customer.State.Identifiers[^1]));
    }

    [Fact]
    public void Reseal_AfterRotation_MovesEveryIdentifierToTheNewKey()
    {
        var customer = new Customer(new CustomerState());
        customer.Accept(Read("e1", """{"phone":"+8613812345678","email":"li@example.com"}"""));
        var rotated = new IdentifierVault([new VaultKey("k2", Enumerable.Repeat((byte)2, 32).ToArray()), new VaultKey("k1", new byte[32])]);

        Assert.True(customer.Reseal(rotated));
        Assert.False(customer.Reseal(rotated));

        Assert.All(customer.State.Identifiers, i => Assert.Equal("k2", IdentifierVault.KeyIdOf(i.Sealed)));
        var onlyNew = new IdentifierVault([new VaultKey("k2", Enumerable.Repeat((byte)2, 32).ToArray())]);
        Assert.Equal(["+8613812345678", "li@example.com"], onlyNew.Reveal(customer.State.Identifiers).Select(r => r.Value));
    }

    [Fact]
    public void View_ShowsKindAndMaskedOnly()
    {
        var customer = new Customer(new CustomerState());
        customer.Accept(Read("e1", """{"phone":"+8613812345678"}"""));

        var json = JsonSerializer.Serialize(CustomerView.From(customer.State), Json);

        Assert.Contains("\"identifiers\":[{\"kind\":\"Phone\",\"masked\":\"\\u002B86 138****5678\"}]", json);
        Assert.DoesNotContain("v1.k1.", json);
        Assert.DoesNotContain("sealed", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void State_WithIdentifiers_RoundTripsThroughJson()
    {
        var customer = new Customer(new CustomerState());
        customer.Accept(Read("e1", """{"phone":"+8613812345678","email":"li@example.com"}"""));

        var restored = JsonSerializer.Deserialize<CustomerState>(JsonSerializer.Serialize(customer.State, Json), Json)!;

        Assert.Equal(customer.State.Identifiers, restored.Identifiers);
        Assert.Equal("+8613812345678", Vault.Open(restored.Identifiers[0]));
    }

    [Fact]
    public void Incident_AppliedVerdicts_HoldNoIdentifier()
    {
        var customer = new Customer(new CustomerState());
        var fact = Read("e1", """{"phone":"+8613812345678","email":"li@example.com"}""");
        var incident = new Incident(new IncidentState(), new DetectionOptions());

        incident.Apply(customer.Accept(fact));
        // Even a fact that skipped the customer leaves nothing sealed in the incident's state.
        incident.Apply(fact with { EventId = "e2", CustomerKey = "cus-other" });

        var json = JsonSerializer.Serialize(incident.State, Json);
        Assert.DoesNotContain("v1.k1.", json);
        Assert.DoesNotContain("****", json);
    }
}
