using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace ReleaseWatch.Tests.Architecture;

/// <summary>
/// Which of its own types each type of an assembly uses, read from the assembly's metadata: base types, interfaces,
/// generic arguments, fields, properties, events, method signatures, attributes, and every type, method and field
/// token in method bodies (locals included). Compiler-generated types (closures, async state machines) count for the
/// type they are nested in.
/// </summary>
internal sealed class SharedReferences
{
    private static readonly IReadOnlyDictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields().Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value, o => o.OperandType);

    private readonly MetadataReader _reader;
    private readonly TypesOf _types;

    private SharedReferences(MetadataReader reader)
    {
        _reader = reader;
        _types = new TypesOf(this);
    }

    /// <summary>Every (from type, to type) of the assembly's own types, by full name; a type's uses of itself left out.</summary>
    public static IReadOnlyList<(string From, string To)> Of(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var references = new SharedReferences(pe.GetMetadataReader());
        return references.Edges(pe);
    }

    /// <summary>Names of types the assembly references in other assemblies (for "no ASP.NET Core types" checks).</summary>
    public static IReadOnlyList<string> External(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return [.. reader.TypeReferences.Select(h => reader.GetTypeReference(h)).Select(t => $"{reader.GetString(t.Namespace)}.{reader.GetString(t.Name)}").Distinct()];
    }

    public static string NamespaceOf(string fullName) => fullName[..Math.Max(0, fullName.LastIndexOf('.'))];

    private List<(string From, string To)> Edges(PEReader pe)
    {
        var edges = new HashSet<(string, string)>();
        foreach (var handle in _reader.TypeDefinitions)
        {
            var type = _reader.GetTypeDefinition(handle);
            var from = Name(handle);
            void Add(IEnumerable<string> targets)
            {
                foreach (var to in targets.Where(t => t != from))
                {
                    edges.Add((from, to));
                }
            }

            Add(Of(type.BaseType));
            Add(type.GetInterfaceImplementations().SelectMany(i => Of(_reader.GetInterfaceImplementation(i).Interface)));
            Add(Attributes(type.GetCustomAttributes()));
            foreach (var f in type.GetFields())
            {
                var field = _reader.GetFieldDefinition(f);
                Add(field.DecodeSignature(_types, null));
                Add(Attributes(field.GetCustomAttributes()));
            }

            foreach (var p in type.GetProperties())
            {
                var property = _reader.GetPropertyDefinition(p);
                var signature = property.DecodeSignature(_types, null);
                Add(signature.ReturnType.Concat(signature.ParameterTypes.SelectMany(t => t)));
                Add(Attributes(property.GetCustomAttributes()));
            }

            foreach (var e in type.GetEvents())
            {
                Add(Of(_reader.GetEventDefinition(e).Type));
            }

            foreach (var m in type.GetMethods())
            {
                var method = _reader.GetMethodDefinition(m);
                var signature = method.DecodeSignature(_types, null);
                Add(signature.ReturnType.Concat(signature.ParameterTypes.SelectMany(t => t)));
                Add(Attributes(method.GetCustomAttributes()));
                Add(method.GetParameters().SelectMany(p => Attributes(_reader.GetParameter(p).GetCustomAttributes())));
                if (method.RelativeVirtualAddress != 0)
                {
                    Add(Body(pe.GetMethodBody(method.RelativeVirtualAddress)));
                }
            }
        }

        return [.. edges];
    }

    private IEnumerable<string> Body(MethodBodyBlock body)
    {
        var found = new List<string>();
        if (!body.LocalSignature.IsNil)
        {
            found.AddRange(_reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(_types, null).SelectMany(t => t));
        }

        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            short code = il.ReadByte();
            if (code == 0xFE)
            {
                code = unchecked((short)(0xFE00 | il.ReadByte()));
            }

            if (!Operands.TryGetValue(code, out var operand))
            {
                throw new InvalidDataException($"Unknown IL opcode 0x{code:X} at offset {il.Offset - 1} of a method body.");
            }

            switch (operand)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    found.AddRange(Of(MetadataTokens.EntityHandle(il.ReadInt32())));
                    break;
                case OperandType.InlineSwitch:
                    var targets = il.ReadInt32(); // read before moving on: Offset += would take the offset before the count
                    il.Offset += 4 * targets;
                    break;
                case OperandType.InlineBrTarget or OperandType.InlineI or OperandType.InlineSig or OperandType.InlineString or OperandType.ShortInlineR:
                    il.Offset += 4;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
            }
        }

        return found;
    }

    private IEnumerable<string> Attributes(CustomAttributeHandleCollection attributes) =>
        attributes.SelectMany(a => Of(_reader.GetCustomAttribute(a).Constructor));

    /// <summary>The assembly's own types a handle stands for (a type, or a member's declaring type and signature).</summary>
    private IEnumerable<string> Of(EntityHandle handle)
    {
        if (handle.IsNil)
        {
            return [];
        }

        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                return [Name((TypeDefinitionHandle)handle)];
            case HandleKind.TypeSpecification:
                return _reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(_types, null);
            case HandleKind.MethodDefinition:
                return [Name(_reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType())];
            case HandleKind.FieldDefinition:
                return [Name(_reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType())];
            case HandleKind.MethodSpecification:
                var spec = _reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                return Of(spec.Method).Concat(spec.DecodeSignature(_types, null).SelectMany(t => t));
            case HandleKind.MemberReference:
                var member = _reader.GetMemberReference((MemberReferenceHandle)handle);
                var signature = member.GetKind() == MemberReferenceKind.Method
                    ? Method(member.DecodeMethodSignature(_types, null))
                    : member.DecodeFieldSignature(_types, null);
                return Of(member.Parent).Concat(signature);
            default:
                return [];
        }
    }

    private static IEnumerable<string> Method(MethodSignature<ImmutableArray<string>> signature) =>
        signature.ReturnType.Concat(signature.ParameterTypes.SelectMany(t => t));

    /// <summary>A type's full name; a nested (or compiler-generated) type is named by its outermost declaring type.</summary>
    private string Name(TypeDefinitionHandle handle)
    {
        var type = _reader.GetTypeDefinition(handle);
        while (type.IsNested)
        {
            type = _reader.GetTypeDefinition(type.GetDeclaringType());
        }

        return $"{_reader.GetString(type.Namespace)}.{_reader.GetString(type.Name)}";
    }

    /// <summary>Decodes signatures into the names of the assembly's own types in them (other assemblies' types are dropped).</summary>
    private sealed class TypesOf(SharedReferences owner) : ISignatureTypeProvider<ImmutableArray<string>, object?>
    {
        public ImmutableArray<string> GetPrimitiveType(PrimitiveTypeCode typeCode) => [];

        public ImmutableArray<string> GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => [owner.Name(handle)];

        public ImmutableArray<string> GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => [];

        public ImmutableArray<string> GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public ImmutableArray<string> GetSZArrayType(ImmutableArray<string> elementType) => elementType;

        public ImmutableArray<string> GetArrayType(ImmutableArray<string> elementType, ArrayShape shape) => elementType;

        public ImmutableArray<string> GetByReferenceType(ImmutableArray<string> elementType) => elementType;

        public ImmutableArray<string> GetPointerType(ImmutableArray<string> elementType) => elementType;

        public ImmutableArray<string> GetPinnedType(ImmutableArray<string> elementType) => elementType;

        public ImmutableArray<string> GetGenericInstantiation(ImmutableArray<string> genericType, ImmutableArray<ImmutableArray<string>> typeArguments) =>
            [.. genericType, .. typeArguments.SelectMany(t => t)];

        public ImmutableArray<string> GetGenericMethodParameter(object? genericContext, int index) => [];

        public ImmutableArray<string> GetGenericTypeParameter(object? genericContext, int index) => [];

        public ImmutableArray<string> GetFunctionPointerType(MethodSignature<ImmutableArray<string>> signature) => [.. Method(signature)];

        public ImmutableArray<string> GetModifiedType(ImmutableArray<string> modifier, ImmutableArray<string> unmodifiedType, bool isRequired) => unmodifiedType;
    }
}
