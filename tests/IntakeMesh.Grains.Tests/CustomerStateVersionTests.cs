using IntakeMesh.Core.Customers;
using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Grains.Tests;

/// <summary>Customer state stored before identifiers were kept still loads, through the storage serializer the silos use.</summary>
public class CustomerStateVersionTests
{
    // What the release before personal-data sealing stored for a customer: no "identifiers" member.
    private const string BeforeIdentifiers = """
        {"key":"cus-5f2a0c2b9d3e4a1b","recentEvents":{"capacity":1024,"items":["Phone:e1","Social:e2"],"next":0},
         "complaints":2,"repeatContacts":1,"redeliveries":0,"complaintsByChannel":{"Phone":1,"Social":1},
         "contacts":{"brand:aurora|sku:ax7":{"firstAt":"2026-11-20T08:00:00+00:00","lastAt":"2026-11-20T10:00:00+00:00","count":2,"channels":["Phone","Social"],"compensation":false}},
         "history":[{"id":"Phone:e1","incidentKey":"brand:aurora|sku:ax7","firstAt":"2026-11-20T08:00:00+00:00","lastAt":"2026-11-20T10:00:00+00:00",
           "contacts":2,"channels":["Phone","Social"],"lastChannel":"Social","stage":"Accepted","handlingAt":null,"repliedAt":null,"followedUpAt":null,
           "recent":[{"dedupId":"Phone:e1","number":1,"escalation":"None","escalatedFrom":null},{"dedupId":"Social:e2","number":2,"escalation":"MovedToSocial","escalatedFrom":"Phone"}]}],
         "incidentsComplained":1,"compensationIncidents":0,"role":"Ordinary","aliasOf":null,"aliases":["cus-9e1b"],
         "firstSeen":"2026-11-20T08:00:00+00:00","lastSeen":"2026-11-20T10:00:00+00:00"}
        """;

    [Fact]
    public void Deserialize_CustomerFromBeforeIdentifiers_LoadsWithNone_AndKeepsWorking()
    {
        var serializer = new JsonGrainStateSerializer();

        var state = serializer.Deserialize<CustomerState>(BinaryData.FromString(BeforeIdentifiers));

        Assert.Empty(state.Identifiers);
        Assert.Empty(CustomerView.From(state).Identifiers);
        Assert.Equal(2, state.Complaints);
        Assert.Equal(["cus-9e1b"], state.Aliases);

        // The loaded customer goes on under the current rules: a redelivery is still known, and new identifiers are kept.
        var vault = IdentifierVault.WithRandomKey();
        var reader = new IntakeReader(new IntakeLimits(), new CustomerKeyer("versioned-state-secret-0123"u8), new ComplaintClassifier(Lexicon.Default), ProductCatalog.Empty, vault);
        var fact = reader.Read(Channel.Phone, """{"eventId":"e3","occurredAt":"2026-11-21T08:00:00Z","customer":{"phone":"+8613812345678"},"text":"又坏了","subject":{"brand":"Aurora","sku":"AX7"}}"""u8).Fact!;
        var customer = new Customer(state);
        Assert.True(customer.Accept(fact with { EventId = "e1" }).Redelivered);
        customer.Accept(fact);
        Assert.Equal(3, state.Complaints);

        // And it is written back in the current shape, which reads again with the identifier.
        var again = serializer.Deserialize<CustomerState>(serializer.Serialize(state));
        Assert.Equal("+8613812345678", vault.Open(Assert.Single(again.Identifiers)));
        Assert.Equal("+86 138****5678", again.Identifiers[0].Masked);
    }
}
