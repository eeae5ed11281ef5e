namespace BroadcastHub.Web.Features.Users;

/// <summary>Sign-in, accounts, the users page, the profile and personal API tokens.</summary>
public static class UsersRegistration
{
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddSingleton<AccountService>();
        services.AddScoped<AccountAdmin>();
        services.AddScoped<PasswordChange>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<PersonalTokens>();
        services.AddScoped<UserPages>();
        return services;
    }
}
