using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using IntakeMesh.Abstractions;
using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;
using IntakeMesh.Ingestion.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace IntakeMesh.Ingestion.Tests;

/// <summary>The batch pipeline against a real Orleans test cluster.</summary>
public class PipelineTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;
    private readonly CollectingSink _sink = new();

    public async Task InitializeAsync() => _cluster = await GrainCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private IntakePipeline Pipeline()
    {
        var reader = new IntakeReader(new IntakeLimits(), new CustomerKeyer(Encoding.UTF8.GetBytes("pipeline-test-secret-0123")), new ComplaintClassifier(Lexicon.Default), ProductCatalog.Empty);
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        return new IntakePipeline(reader, _sink, _cluster.GrainFactory, new IntakeInstruments(meters));
    }

    private static RawRecord Record(string topic, long offset, string json) =>
        new(topic, 0, offset, null, Encoding.UTF8.GetBytes(json), DateTimeOffset.UtcNow, []);

    private static string Event(string id, string phone, int hour) =>
        $$$"""{"eventId":"{{{id}}}","occurredAt":"2026-11-20T{{{hour:00}}}:00:00Z","customer":{"phone":"{{{phone}}}"},"text":"The AX-7 battery died","subject":{"brand":"Aurora","sku":"AX7-{{{id[..1]}}}"}}""";

    [Fact]
    public async Task ProcessAsync_MixedBatch_GoodReachGrainsBadAreDeadLettered()
    {
        var batch = new[]
        {
            Record("intake.phone", 0, Event("a1", "+8613800000001", 1)),
            Record("intake.phone", 1, "not json"),
            Record("intake.phone", 2, Event("a2", "+8613800000002", 2)),
            Record("intake.email", 3, """{"eventId":"x","occurredAt":"2026-11-20T01:00:00Z","customer":{"email":"a@b.c"}}"""),
            Record("intake.social", 4, Event("a3", "+8613800000003", 3)),
        };

        var result = await Pipeline().ProcessAsync(batch, CancellationToken.None);

        Assert.Equal(2, result.DeadLettered);
        Assert.Equal(["not_json", "missing_field"], _sink.Letters.OrderBy(l => l.Record.Offset).Select(l => l.Error.Reason));
        var update = Assert.Single(result.Incidents);
        Assert.Equal(3, update.Summary.Participants);
        Assert.Equal(Phase.Following, update.Summary.Phase);
        var board = await _cluster.GrainFactory.GetGrain<IIncidentBoardGrain>(0).FindAsync(update.Summary.Id);
        Assert.Equal(3, board!.Participants);
    }

    [Fact]
    public async Task ProcessAsync_SameBatchTwice_CountsEveryComplaintOnce()
    {
        var batch = new[] { Record("intake.phone", 0, Event("b1", "+8613800000011", 1)), Record("intake.phone", 1, Event("b2", "+8613800000012", 2)) };
        var pipeline = Pipeline();

        await pipeline.ProcessAsync(batch, CancellationToken.None);
        var again = await pipeline.ProcessAsync(batch, CancellationToken.None);

        Assert.Equal(2, again.Redelivered);
        Assert.Equal(2, Assert.Single(again.Incidents).Summary.Complaints);
    }

    private sealed class CollectingSink : IDeadLetterSink
    {
        public ConcurrentBag<DeadLetter> Letters { get; } = [];

        public Task SendAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken)
        {
            foreach (var letter in letters)
            {
                Letters.Add(letter);
            }
            return Task.CompletedTask;
        }
    }
}
