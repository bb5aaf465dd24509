"""Pages that fit the slide: a model of how tall Marp draws each block, and the paginator that uses it."""
from .geometry import Geometry, geometry
from .paginate import Owner, Pagination, paginate

__all__ = ["Geometry", "Owner", "Pagination", "geometry", "paginate"]
