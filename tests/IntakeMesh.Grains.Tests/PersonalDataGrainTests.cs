using System.Text;
using System.Text.Json;
using IntakeMesh.Abstractions;
using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Grains.Tests;

/// <summary>Sealed identifiers through real grain calls: kept by the customer, never by the incident or its alerts.</summary>
[Collection(ClusterCollection.Name)]
public class PersonalDataGrainTests(ClusterFixture fixture)
{
    private static readonly IdentifierVault Vault = IdentifierVault.WithRandomKey();

    private static readonly IntakeReader Reader = new(new IntakeLimits(), new CustomerKeyer("personal-data-grain-secret"u8, "86"),
        new ComplaintClassifier(Lexicon.Default), ProductCatalog.Empty, Vault);

    private static ComplaintFact Read(string eventId, string customer, string sku, int hour, Channel channel = Channel.Phone)
    {
        var json = $$$"""{"eventId":"{{{eventId}}}","occurredAt":"2026-11-20T{{{hour:00}}}:00:00Z","customer":{{{customer}}},"text":"电池坏了，要求退款，打12315","subject":{"brand":"Aurora","sku":"{{{sku}}}"}}""";
        return Reader.Read(channel, Encoding.UTF8.GetBytes(json)).Fact!;
    }

    [Fact]
    public async Task Submit_KeepsSealedIdentifiersInTheCustomer_AndIncidentStateAndAlertsHoldNone()
    {
        var sku = Guid.NewGuid().ToString("N");
        var phones = Enumerable.Range(0, 4).Select(i => $"+86139{Random.Shared.Next(1_000_000, 9_999_999)}{i}").ToArray();
        var facts = phones.Select((p, i) => Read($"e{i}", $$"""{"phone":"{{p}}","email":"buyer{{i}}.{{sku[..6]}}@example.com"}""", sku, i)).ToArray();

        var verdicts = new List<ComplaintFact>();
        foreach (var fact in facts)
        {
            verdicts.AddRange((await fixture.Grains.GetGrain<ICustomerGrain>(fact.CustomerKey).SubmitAsync(new([fact]))).Value);
        }
        var update = (await fixture.Grains.GetGrain<IIncidentGrain>(facts[0].IncidentKey).ApplyAsync(new([.. verdicts]))).Value;

        Assert.All(verdicts, v => Assert.Empty(v.Identifiers));
        Assert.Equal(Tier.T2, update.Summary.Tier);
        var customer = await fixture.Grains.GetGrain<ICustomerGrain>(facts[0].CustomerKey).GetAsync();
        Assert.Equal([phones[0], $"buyer0.{sku[..6]}@example.com"], Vault.Reveal(customer!.Identifiers).Select(r => r.Value));
        var incident = JsonSerializer.Serialize(await fixture.Grains.GetGrain<IIncidentGrain>(facts[0].IncidentKey).GetAsync(), IntakeMeshSerialization.JsonOptions);
        var alerts = string.Join("\n", ClusterFixture.Publisher.Published.Select(a => JsonSerializer.Serialize(a, a.GetType(), IntakeMeshSerialization.JsonOptions)));
        foreach (var text in new[] { incident, alerts })
        {
            Assert.DoesNotContain($"{IdentifierVault.Version}.{Vault.CurrentKeyId}.", text);
            Assert.DoesNotContain("@example.com", text);
            Assert.All(phones, p => Assert.DoesNotContain(p[3..], text));
        }
    }

    [Fact]
    public async Task Submit_AtAnAlias_KeepsTheIdentifiersAtTheCanonicalCustomer()
    {
        var sku = Guid.NewGuid().ToString("N");
        var email = $"alias.{sku[..8]}@example.com";
        var both = Read("call-1", $$"""{"phone":"+8613{{Random.Shared.Next(100_000_000, 999_999_999)}}","email":"{{email}}"}""", sku, 1);
        var emailOnly = Read("mail-1", $$"""{"email":"{{email}}"}""", sku, 2, Channel.Email);

        await fixture.Grains.GetGrain<ICustomerGrain>(both.CustomerKey).SubmitAsync(new([both]));
        var verdict = (await fixture.Grains.GetGrain<ICustomerGrain>(emailOnly.CustomerKey).SubmitAsync(new([emailOnly]))).Value.Single();

        Assert.Equal(both.CustomerKey, verdict.CustomerKey);
        Assert.Empty(verdict.Identifiers);
        var alias = await fixture.Grains.GetGrain<ICustomerGrain>(emailOnly.CustomerKey).GetAsync();
        Assert.Empty(alias!.Identifiers);
        var canonical = await fixture.Grains.GetGrain<ICustomerGrain>(both.CustomerKey).GetAsync();
        Assert.Equal([IdentifierKind.Phone, IdentifierKind.Email], canonical!.Identifiers.Select(i => i.Kind));
        Assert.Equal(email, Vault.Open(canonical.Identifiers[1]));
    }
}
