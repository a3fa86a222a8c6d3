"""Packing-station cameras, without Qt: capture sources opened with PyAV (``source``), the text
burned into the frames (``overlay``) and the camera thread writing one clip per parcel
(``recorder``)."""
