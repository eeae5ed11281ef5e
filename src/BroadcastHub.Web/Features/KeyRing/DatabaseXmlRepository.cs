using System.Xml.Linq;
using BroadcastHub.Data.Repositories;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace BroadcastHub.Web.Features.KeyRing;

/// <summary>The data-protection key ring in the app database, so that every hub node on PostgreSQL uses the same keys.</summary>
public sealed class DatabaseXmlRepository(DataProtectionKeyRepository keys) : IXmlRepository
{
    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements() => keys.All().Select(XElement.Parse).ToList();

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName) =>
        keys.Store(friendlyName, element.ToString(SaveOptions.DisableFormatting));
}
