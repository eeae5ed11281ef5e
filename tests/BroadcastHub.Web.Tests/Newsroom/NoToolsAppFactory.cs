using BroadcastHub.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace BroadcastHub.Web.Tests.Newsroom;

/// <summary>Its own app on a machine without ffmpeg or espeak-ng (both paths point at files that do not exist).</summary>
[CollectionDefinition(Name)]
public sealed class NoToolsCollection : ICollectionFixture<NoToolsAppFactory>
{
    public const string Name = "newsroom-no-tools";
}

public sealed class NoToolsAppFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("BroadcastHub:Ffmpeg:Path", "/nonexistent/bin/ffmpeg");
        builder.UseSetting("BroadcastHub:Tts:EspeakPath", "/nonexistent/bin/espeak-ng");
    }
}
