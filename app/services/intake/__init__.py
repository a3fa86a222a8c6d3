"""Order and tracking intake from files: shop exports, carrier feeds, hot folders."""
