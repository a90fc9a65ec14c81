using System.Security.Cryptography;
using System.Text;
using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;
using IntakeMesh.Ingestion.Explain;
using IntakeMesh.Ingestion.Kafka;
using IntakeMesh.Ingestion.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntakeMesh.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>Reading records: limits, identity, the identifier vault, classification. Needs no Kafka.</summary>
    public static IServiceCollection AddIntakeReading(this IServiceCollection services)
    {
        services.AddOptions<IntakeLimits>().BindConfiguration("Intake:Limits").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.Section)
            .Validate(o => string.IsNullOrEmpty(o.HmacKey) || Encoding.UTF8.GetByteCount(o.HmacKey) >= 16,
                "Identity:HmacKey must be at least 16 bytes")
            .ValidateOnStart();
        services.AddOptions<UnderstandingOptions>().BindConfiguration(UnderstandingOptions.Section)
            .Validate(o => o.LexiconFiles.All(File.Exists), "every Understanding:LexiconFiles entry must be an existing file")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var identity = sp.GetRequiredService<IOptions<IdentityOptions>>().Value;
            var secret = identity.HmacKey is { Length: > 0 } key ? Encoding.UTF8.GetBytes(key) : RandomSecret(sp);
            return new CustomerKeyer(secret, identity.DefaultCountryCode);
        });
        services.AddOptions<EncryptionOptions>().BindConfiguration(EncryptionOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EncryptionOptions>, EncryptionOptionsValidator>());
        services.AddSingleton(sp =>
        {
            var keys = sp.GetRequiredService<IOptions<EncryptionOptions>>().Value.ToVaultKeys();
            return keys.Count > 0 ? new IdentifierVault(keys) : RandomVault(sp);
        });
        services.AddSingleton(sp => new ComplaintClassifier(
            Lexicon.Load(sp.GetRequiredService<IOptions<UnderstandingOptions>>().Value.LexiconFiles)));
        services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.Section)
            .Validate(o => o.Files.All(File.Exists), "every Catalog:Files entry must be an existing file")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CatalogOptions>>().Value.Build());
        services.AddSingleton(sp => new IntakeReader(
            sp.GetRequiredService<IOptions<IntakeLimits>>().Value,
            sp.GetRequiredService<CustomerKeyer>(),
            sp.GetRequiredService<ComplaintClassifier>(),
            sp.GetRequiredService<ProductCatalog>(),
            sp.GetRequiredService<IdentifierVault>()));
        return services;
    }

    /// <summary>Consuming the intake topics into the grains, with dead-lettering and metrics.</summary>
    public static IServiceCollection AddKafkaIngestion(this IServiceCollection services)
    {
        services.AddIntakeReading();
        services.AddOptions<KafkaOptions>().BindConfiguration(KafkaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<KafkaCluster>();
        services.AddSingleton<IDeadLetterSink, KafkaDeadLetterSink>();
        services.AddSingleton<IntakeInstruments>();
        services.AddSingleton<IngestionHealth>();
        services.AddOptions<ExplainOptions>().BindConfiguration(ExplainOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The host replaces it with a durable store when it has one.
        services.TryAddSingleton<IExplanationStore, MemoryExplanationStore>();
        services.AddSingleton<IntakePipeline>();
        services.AddHostedService<IntakeConsumer>();
        return services;
    }

    private static byte[] RandomSecret(IServiceProvider services)
    {
        services.GetRequiredService<ILoggerFactory>().CreateLogger("IntakeMesh.Identity").LogWarning(
            "Identity:HmacKey is not set: customer keys use a random secret for this run and change on restart");
        return RandomNumberGenerator.GetBytes(32);
    }

    private static IdentifierVault RandomVault(IServiceProvider services)
    {
        services.GetRequiredService<ILoggerFactory>().CreateLogger("IntakeMesh.Identity").LogWarning(
            "Security:EncryptionKeys is not set: customer contacts are sealed with a random key for this run and cannot be revealed after a restart");
        return IdentifierVault.WithRandomKey();
    }
}
