using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ReleaseWatch.Hosting;

public static class GeneratedOptionsValidation
{
    /// <summary>
    /// Validates the options' data annotations with a validator generated at compile time ([OptionsValidator]), in place
    /// of <c>ValidateDataAnnotations()</c>, which reads the attributes by reflection the native executable does not have.
    /// </summary>
    public static OptionsBuilder<TOptions> ValidateAnnotations<TOptions, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TValidator>(this OptionsBuilder<TOptions> builder)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return builder;
    }
}
