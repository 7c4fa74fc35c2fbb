@_exported import LayoutEngine
@_exported import TextShaping
@_exported import Rendering
