namespace Alerts.Infra.Tests;

/// <summary>The infra tests share one compilation of infra/ and run one after another (each Bicep run takes a core).</summary>
[CollectionDefinition(Name)]
public sealed class InfraCollection : ICollectionFixture<CompiledInfra>
{
    public const string Name = "infra";
}
