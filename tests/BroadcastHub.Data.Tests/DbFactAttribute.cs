using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace BroadcastHub.Data.Tests;

/// <summary>
/// A fact of a test class that runs on both providers (nested <c>OnSqlite</c> / <c>OnPostgres</c> subclasses):
/// the <c>OnPostgres</c> case is skipped, with the reason, where no PostgreSQL is configured outside CI.
/// </summary>
[XunitTestCaseDiscoverer("BroadcastHub.Data.Tests.DbFactDiscoverer", "BroadcastHub.Data.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DbFactAttribute : FactAttribute;

public sealed class DbFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        testMethod.TestClass.Class.Name.EndsWith("+OnPostgres", StringComparison.Ordinal) && TestPostgres.SkipReason is { } reason
            ? new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)
            : base.CreateTestCase(discoveryOptions, testMethod, factAttribute);
}
