"""Constraint mining: small named rules that read constraints out of English and Chinese prose.

Entry points (called by `generator.extract` after a reader has run):
    mine_parameter(param, lines, file)  fills param.range / length / enum / pattern / default
                                        where the reader left them None (structured facts, such
                                        as Dart validateStringLength, win over prose)
    mine_operation(result, file)        quotas and rate limits from the operation's prose,
                                        rules across parameters from every parameter's prose

A rule that cannot read a sentence leaves it alone: it never guesses a number.
Every fact found gets a Source(file, line, "stated", quote=<the words it was read from>).
"""
