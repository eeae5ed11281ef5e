namespace BroadcastHub.Web.Infrastructure.Mvc;

/// <summary>A page that could not be shown: the refusal's message and where to go instead.</summary>
public sealed record RefusedPage(string Message, string BackUrl);
