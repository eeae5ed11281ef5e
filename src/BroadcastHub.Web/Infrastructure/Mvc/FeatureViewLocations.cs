using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace BroadcastHub.Web.Infrastructure.Mvc;

/// <summary>
/// Views live beside their feature: <c>Features/{Feature}/Views/{Controller}/{View}.cshtml</c>, then the feature's
/// <c>Views/Shared</c>, then MVC's usual <c>Views/Shared</c> (layout, flash, refusals). View components' views are
/// found in whichever feature's <c>Views/Shared/Components</c> holds them, so a page of one feature can show a
/// component of another.
/// </summary>
public sealed class FeatureViewLocations(IReadOnlyList<string> features) : IViewLocationExpander
{
    private const string FeatureKey = "feature";
    private const string NamespacePrefix = "BroadcastHub.Web.Features.";

    /// <summary>The feature folders declared by the controllers of this assembly.</summary>
    public static IReadOnlyList<string> InAssembly() => typeof(FeatureViewLocations).Assembly.GetTypes()
        .Select(t => FeatureOf(t.Namespace)).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    public void PopulateValues(ViewLocationExpanderContext context) =>
        context.Values[FeatureKey] = FeatureOf((context.ActionContext.ActionDescriptor as ControllerActionDescriptor)?.ControllerTypeInfo.Namespace);

    /// <inheritdoc />
    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(FeatureKey, out var feature) && feature is not null)
        {
            yield return $"/Features/{feature}/Views/{{1}}/{{0}}.cshtml";
            yield return $"/Features/{feature}/Views/Shared/{{0}}.cshtml";
        }
        foreach (var location in viewLocations) yield return location;
        if (context.ViewName.StartsWith("Components/", StringComparison.Ordinal))
            foreach (var other in features) yield return $"/Features/{other}/Views/Shared/{{0}}.cshtml";
    }

    private static string? FeatureOf(string? ns) =>
        ns is not null && ns.StartsWith(NamespacePrefix, StringComparison.Ordinal) ? ns[NamespacePrefix.Length..].Split('.')[0] : null;
}
