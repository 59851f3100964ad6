"""Treaty corpus: the model, the importer and the structured files."""
