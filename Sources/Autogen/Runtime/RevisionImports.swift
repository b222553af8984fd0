/// Revision files start with `import Autogen` alone (as `script.swift.mako` writes them) and
/// use the DSL's builders in their bodies (`Column`, `Index`, `ForeignKey`, ...), so the
/// library re-exports the DSL.
@_exported import ModelDSL
