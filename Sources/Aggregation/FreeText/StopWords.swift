/// Words too common to say anything in a word frequency, in French and
/// English, lowercased with their accents (the frequency keeps accents, so
/// "été" and "ete" are different words).
public enum StopWords {
  public static let french: Set<String> = [
    "a", "à", "afin", "ai", "aie", "aient", "aies", "ainsi", "ait", "alors", "as", "au", "aucun", "aucune",
    "auquel", "aura", "aurai", "auraient", "aurais", "aurait", "auras", "aurez", "auriez", "aurions",
    "aurons", "auront", "aussi", "autre", "autres", "aux", "auxquelles", "auxquels", "avaient", "avais",
    "avait", "avant", "avec", "avez", "aviez", "avions", "avoir", "avons", "ayant", "ayez", "ayons", "bah",
    "beaucoup", "bien", "c", "ça", "car", "ce", "ceci", "cela", "celle", "celles", "celui", "cependant",
    "certain", "certaine", "certaines", "certains", "ces", "cet", "cette", "ceux", "chacun", "chacune",
    "chaque", "chez", "ci", "comme", "comment", "d", "dans", "de", "des", "donc", "dont", "du", "elle",
    "elles", "en", "encore", "entre", "es", "est", "et", "étaient", "étais", "était", "étant", "été",
    "êtes", "étiez", "étions", "être", "eu", "eue", "eues", "eurent", "eus", "eusse", "eut", "eux", "fait",
    "faire", "fois", "furent", "fus", "fut", "ici", "il", "ils", "j", "je", "jusqu", "jusque", "l", "la",
    "là", "laquelle", "le", "lequel", "les", "lesquelles", "lesquels", "leur", "leurs", "lors", "lui", "m",
    "ma", "mais", "me", "même", "mêmes", "mes", "moi", "moins", "mon", "n", "ne", "ni", "nos", "notre",
    "nous", "on", "ont", "ou", "où", "par", "parce", "pas", "peu", "peut", "plus", "pour", "pourquoi",
    "qu", "quand", "que", "quel", "quelle", "quelles", "quels", "qui", "quoi", "s", "sa", "sans", "se",
    "sera", "serai", "seraient", "serais", "serait", "seras", "serez", "seriez", "serions", "serons",
    "seront", "ses", "si", "sien", "sienne", "soi", "soient", "sois", "soit", "sommes", "son", "sont",
    "sous", "soyez", "soyons", "suis", "sur", "t", "ta", "te", "tes", "toi", "ton", "tous", "tout",
    "toute", "toutes", "très", "tu", "un", "une", "unes", "uns", "vers", "via", "vos", "votre", "vous",
    "y",
  ]

  public static let english: Set<String> = [
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
    "aren", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
    "by", "can", "could", "couldn", "d", "did", "didn", "do", "does", "doesn", "doing", "don", "down",
    "during", "each", "even", "few", "for", "from", "further", "get", "got", "had", "hadn", "has", "hasn",
    "have", "haven", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i",
    "if", "in", "into", "is", "isn", "it", "its", "itself", "just", "ll", "m", "me", "more", "most", "much",
    "must", "my", "myself", "no", "nor", "not", "now", "o", "of", "off", "on", "once", "only", "or",
    "other", "our", "ours", "ourselves", "out", "over", "own", "re", "s", "same", "she", "should",
    "shouldn", "so", "some", "such", "t", "than", "that", "the", "their", "theirs", "them", "themselves",
    "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
    "us", "ve", "very", "was", "wasn", "we", "were", "weren", "what", "when", "where", "which", "while",
    "who", "whom", "why", "will", "with", "won", "would", "wouldn", "you", "your", "yours", "yourself",
    "yourselves",
  ]

  /// Both lists: surveys mix languages, and a word frequency drops both.
  public static let all: Set<String> = french.union(english)
}
