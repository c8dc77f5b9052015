/*
 * Ember's SQL grammar: the Spark SQL dialect, grown one feature at a time. Keywords are case-insensitive.
 * Keep alternatives ordered by precedence: in a left-recursive rule, an earlier alternative binds tighter.
 */
grammar EmberSql;

options { caseInsensitive = true; }

singleStatement
    : statement SEMICOLON* EOF
    ;

singleExpression
    : booleanExpression EOF
    ;

statement
    : query                                                                  #queryStatement
    | CREATE (OR REPLACE)? (TEMP | TEMPORARY) VIEW identifier AS query       #createTempView
    | EXPLAIN query                                                          #explain
    ;

query
    : queryTerm (ORDER BY sortItem (COMMA sortItem)*)? (LIMIT limit=valueExpression)?
    ;

// INTERSECT binds tighter than UNION and EXCEPT, as in Spark.
queryTerm
    : queryPrimary                                                           #queryTermDefault
    | left=queryTerm operator=INTERSECT setQuantifier? right=queryTerm       #setOperation
    | left=queryTerm operator=(UNION | EXCEPT | SETMINUS) setQuantifier? right=queryTerm   #setOperation
    ;

queryPrimary
    : querySpecification                                                     #queryPrimarySpecification
    | inlineTable                                                            #queryPrimaryValues
    | LEFT_PAREN query RIGHT_PAREN                                           #queryPrimaryNested
    ;

querySpecification
    : SELECT setQuantifier? namedExpression (COMMA namedExpression)*
      (FROM relation (COMMA relation)*)?
      (WHERE where=booleanExpression)?
      (GROUP BY groupBy+=expression (COMMA groupBy+=expression)*)?
      (HAVING having=booleanExpression)?
    ;

setQuantifier
    : DISTINCT
    | ALL
    ;

relation
    : relationPrimary joinRelation*
    ;

joinRelation
    : joinType JOIN right=relationPrimary joinCriteria?
    ;

joinType
    : INNER?
    | CROSS
    | LEFT OUTER?
    | LEFT? SEMI
    | RIGHT OUTER?
    | FULL OUTER?
    | LEFT? ANTI
    ;

joinCriteria
    : ON booleanExpression
    | USING identifierList
    ;

relationPrimary
    : multipartIdentifier tableAlias                                         #tableName
    | LEFT_PAREN query RIGHT_PAREN tableAlias                                #aliasedQuery
    | inlineTable tableAlias                                                 #inlineTableRelation
    | LEFT_PAREN relation RIGHT_PAREN                                        #parenthesizedRelation
    ;

inlineTable
    : VALUES expression (COMMA expression)*
    ;

tableAlias
    : (AS? strictIdentifier identifierList?)?
    ;

identifierList
    : LEFT_PAREN identifier (COMMA identifier)* RIGHT_PAREN
    ;

sortItem
    : expression ordering=(ASC | DESC)? (NULLS nullOrder=(FIRST | LAST))?
    ;

namedExpression
    : expression (AS? name=identifier)?
    ;

expression
    : booleanExpression
    ;

booleanExpression
    : NOT booleanExpression                                                  #logicalNot
    | valueExpression predicate?                                             #predicated
    | left=booleanExpression op=AND right=booleanExpression                  #logicalBinary
    | left=booleanExpression op=OR right=booleanExpression                   #logicalBinary
    ;

predicate
    : NOT? kind=IN LEFT_PAREN query RIGHT_PAREN
    | NOT? kind=BETWEEN lower=valueExpression AND upper=valueExpression
    | NOT? kind=IN LEFT_PAREN expression (COMMA expression)* RIGHT_PAREN
    | NOT? kind=LIKE pattern=valueExpression
    | IS NOT? kind=NULL
    ;

valueExpression
    : primaryExpression                                                      #valueExpressionDefault
    | op=(MINUS | PLUS) valueExpression                                      #arithmeticUnary
    | left=valueExpression op=(ASTERISK | SLASH | PERCENT) right=valueExpression   #arithmeticBinary
    | left=valueExpression op=(PLUS | MINUS) right=valueExpression           #arithmeticBinary
    | left=valueExpression comparisonOperator right=valueExpression          #comparison
    ;

comparisonOperator
    : EQ | NEQ | NEQJ | LT | LTE | GT | GTE | NSEQ
    ;

primaryExpression
    : CASE whenClause+ (ELSE elseExpression=expression)? END                 #searchedCase
    | CASE value=expression whenClause+ (ELSE elseExpression=expression)? END   #simpleCase
    | CAST LEFT_PAREN expression AS dataType RIGHT_PAREN                     #cast
    | EXISTS LEFT_PAREN query RIGHT_PAREN                                     #exists
    | LEFT_PAREN query RIGHT_PAREN                                           #subqueryExpression
    | constant                                                               #constantDefault
    | (qualifier=identifier DOT)? ASTERISK                                   #star
    | functionName=identifier LEFT_PAREN ASTERISK RIGHT_PAREN                #functionCallStar
    | functionName=identifier LEFT_PAREN (setQuantifier? expression (COMMA expression)*)? RIGHT_PAREN  #functionCall
    | LEFT_PAREN expression (COMMA expression)+ RIGHT_PAREN                  #rowConstructor
    | LEFT_PAREN expression RIGHT_PAREN                                      #parenthesizedExpression
    | identifier (DOT identifier)*                                           #columnReference
    ;

whenClause
    : WHEN condition=expression THEN result=expression
    ;

constant
    : NULL                                                                   #nullLiteral
    | (TRUE | FALSE)                                                         #booleanLiteral
    | DATE STRING                                                            #dateLiteral
    | STRING+                                                                #stringLiteral
    | INTEGER_VALUE                                                          #integerLiteral
    | BIGINT_LITERAL                                                         #bigintLiteral
    | (DECIMAL_VALUE | EXPONENT_VALUE)                                       #decimalLiteral
    ;

dataType
    : identifier (LEFT_PAREN INTEGER_VALUE (COMMA INTEGER_VALUE)* RIGHT_PAREN)?
    ;

multipartIdentifier
    : identifier (DOT identifier)*
    ;

strictIdentifier
    : IDENTIFIER
    | BACKQUOTED_IDENTIFIER
    | nonReserved
    ;

identifier
    : strictIdentifier
    ;

// Keywords that may still name a column or table, as in Spark's default (non-ANSI) mode.
nonReserved
    : ASC | DESC | DATE | FIRST | LAST | NULLS | VIEW | TEMP | TEMPORARY | REPLACE | EXPLAIN | VALUES
    | EXISTS | OUTER
    ;

SEMICOLON: ';';
LEFT_PAREN: '(';
RIGHT_PAREN: ')';
COMMA: ',';
DOT: '.';

ALL: 'ALL';
ANTI: 'ANTI';
AND: 'AND';
AS: 'AS';
ASC: 'ASC';
BETWEEN: 'BETWEEN';
BY: 'BY';
CASE: 'CASE';
CAST: 'CAST';
CREATE: 'CREATE';
CROSS: 'CROSS';
DATE: 'DATE';
DESC: 'DESC';
DISTINCT: 'DISTINCT';
ELSE: 'ELSE';
END: 'END';
EXCEPT: 'EXCEPT';
EXISTS: 'EXISTS';
EXPLAIN: 'EXPLAIN';
FALSE: 'FALSE';
FIRST: 'FIRST';
FROM: 'FROM';
FULL: 'FULL';
GROUP: 'GROUP';
HAVING: 'HAVING';
IN: 'IN';
INNER: 'INNER';
INTERSECT: 'INTERSECT';
IS: 'IS';
JOIN: 'JOIN';
LAST: 'LAST';
LEFT: 'LEFT';
LIKE: 'LIKE';
LIMIT: 'LIMIT';
NOT: 'NOT' | '!';
NULL: 'NULL';
NULLS: 'NULLS';
ON: 'ON';
OR: 'OR';
ORDER: 'ORDER';
OUTER: 'OUTER';
REPLACE: 'REPLACE';
RIGHT: 'RIGHT';
SELECT: 'SELECT';
SEMI: 'SEMI';
SETMINUS: 'MINUS';
TEMP: 'TEMP';
TEMPORARY: 'TEMPORARY';
THEN: 'THEN';
TRUE: 'TRUE';
UNION: 'UNION';
USING: 'USING';
VALUES: 'VALUES';
VIEW: 'VIEW';
WHEN: 'WHEN';
WHERE: 'WHERE';

// Spark's strict non-reserved keywords of features not built yet: never identifiers, so "FROM t NATURAL JOIN u"
// stops there, where the parser reports the feature as unsupported.
UNSUPPORTED_KEYWORD
    : 'LATERAL' | 'NATURAL'
    ;

EQ: '=' | '==';
NSEQ: '<=>';
NEQ: '<>';
NEQJ: '!=';
LT: '<';
LTE: '<=';
GT: '>';
GTE: '>=';
PLUS: '+';
MINUS: '-';
ASTERISK: '*';
SLASH: '/';
PERCENT: '%';

STRING
    : '\'' ( ~['\\] | '\\' . | '\'\'' )* '\''
    ;

BIGINT_LITERAL
    : DIGIT+ 'L'
    ;

INTEGER_VALUE
    : DIGIT+
    ;

EXPONENT_VALUE
    : DIGIT+ EXPONENT
    | DECIMAL_DIGITS EXPONENT
    ;

DECIMAL_VALUE
    : DECIMAL_DIGITS
    ;

IDENTIFIER
    : (LETTER | DIGIT | '_')+
    ;

BACKQUOTED_IDENTIFIER
    : '`' ( ~'`' | '``' )* '`'
    ;

fragment DECIMAL_DIGITS
    : DIGIT+ '.' DIGIT*
    | '.' DIGIT+
    ;

fragment EXPONENT
    : 'E' [+-]? DIGIT+
    ;

fragment DIGIT
    : [0-9]
    ;

fragment LETTER
    : [A-Z]
    ;

SIMPLE_COMMENT
    : '--' ~[\r\n]* -> channel(HIDDEN)
    ;

BRACKETED_COMMENT
    : '/*' .*? '*/' -> channel(HIDDEN)
    ;

WS
    : [ \r\n\t]+ -> channel(HIDDEN)
    ;

// Anything else is an error the parser reports at its position.
UNRECOGNIZED
    : .
    ;
