"""Export and import formats; every writer checks each span against its text first."""
